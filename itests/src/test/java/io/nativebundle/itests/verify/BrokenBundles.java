package io.nativebundle.itests.verify;

import java.io.IOException;
import java.util.Arrays;

import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The deliberately broken bundles of issue 4, each built from a real example jar by changing one
 * thing, so each one fails one check and only that one. Every bundle gets its own symbolic name
 * so it can be installed next to the good examples.
 */
final class BrokenBundles {

    static final String PREFIX = "io.nativebundle.itests.broken.";

    private BrokenBundles() {
    }

    static BundleRewriter math(String name) throws IOException {
        return BundleRewriter.of(NativeBundleOptions.jar("math")).symbolicName(PREFIX + name);
    }

    static BundleRewriter greeter(String name) throws IOException {
        return BundleRewriter.of(NativeBundleOptions.jar("greeter")).symbolicName(PREFIX + name);
    }

    /** The library's bytes changed after the build; the digest is left as the build wrote it. */
    static BundleRewriter tampered() throws IOException {
        BundleRewriter jar = math("tampered");
        byte[] library = jar.entry(Platform.entry("math"));
        library[library.length - 1] ^= 0x5a;
        return jar.entry(Platform.entry("math"), library);
    }

    /** The other platform's build in this platform's folder, with a digest that matches it. */
    static BundleRewriter wrongMachine() throws IOException {
        BundleRewriter jar = math("wrongmachine");
        byte[] foreign = jar.entry("native/linux/" + Platform.foreignProcessor() + "/libmath.so");
        return jar.entry(Platform.entry("math"), foreign).fixDigests();
    }

    /** The first 200 bytes of the library: an ELF header whose tables lie past the end. */
    static BundleRewriter truncated() throws IOException {
        BundleRewriter jar = math("truncated");
        byte[] library = jar.entry(Platform.entry("math"));
        return jar.entry(Platform.entry("math"), Arrays.copyOf(library, 200)).fixDigests();
    }

    /** NativeBundle-Symbols promises {@code subtract}, which libmath.so does not have. */
    static BundleRewriter missingSymbol() throws IOException {
        BundleRewriter jar = math("missingsymbol");
        return jar.header("NativeBundle-Symbols", jar.header("NativeBundle-Symbols")
                + ", subtract;signature=\"(int,int)int\"");
    }

    /** Requires a nativebundle ABI 2.x, which this 1.x runtime does not provide. */
    static BundleRewriter abiIncompatible() throws IOException {
        BundleRewriter jar = math("abi2");
        String requirement = jar.header("Require-Capability").replace(
                "(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))",
                "(&(io.nativebundle.abi>=2.0.0)(!(io.nativebundle.abi>=3.0.0)))");
        if (!requirement.contains("io.nativebundle.abi>=2.0.0")) {
            throw new IllegalStateException("the math jar's ABI requirement changed: " + jar.header("Require-Capability"));
        }
        return jar.header("Require-Capability", requirement);
    }

    /** Only the other platform's clause and file. */
    static BundleRewriter foreignPlatformOnly() throws IOException {
        String foreign = "native/linux/" + Platform.foreignProcessor() + "/libmath.so";
        return math("foreign").remove(Platform.entry("math"))
                .header("Bundle-NativeCode", foreign + ";osname=Linux;processor=" + Platform.foreignProcessor())
                .fixDigests();
    }

    /** The native path of this platform climbs out of its folder with {@code ..}; the entry exists under that name. */
    static BundleRewriter dotDotPath() throws IOException {
        String climbing = dotDotEntry();
        BundleRewriter jar = math("dotdot");
        byte[] library = jar.entry(Platform.entry("math"));
        return jar.remove(Platform.entry("math")).entry(climbing, library)
                .header("Bundle-NativeCode", climbing + ";osname=Linux;processor=" + Platform.processor())
                .fixDigests();
    }

    static String dotDotEntry() {
        return "native/linux/" + Platform.processor() + "/../" + Platform.processor() + "/libmath.so";
    }

    /** The greeter without the libfmt.so its library needs: gone from the jar and from its clause. */
    static BundleRewriter missingDependency() throws IOException {
        String fmt = "native/linux/" + Platform.processor() + "/libfmt.so";
        BundleRewriter jar = greeter("nofmt");
        return jar.remove(fmt)
                .header("Bundle-NativeCode", Platform.entry("greeter") + ";osname=Linux;processor=" + Platform.processor())
                .fixDigests();
    }
}
