package io.nativebundle.benchmarks.osgi;

import java.io.IOException;
import java.nio.file.Path;

import io.nativebundle.testsupport.BundleRewriter;


/**
 * Distinct copies of a native bundle, so that hundreds of them can sit in one framework as
 * distinct libraries: each variant gets its own {@code Bundle-SymbolicName} and its own library
 * name, of the same length as the original's, in {@code NativeBundle-Library}, in the library
 * capability and in the {@code .note.nativebundle} build note of its native files (the loader
 * refuses a note that names another library). The digests are recomputed; code and symbols stay
 * byte for byte those of the original. The rewriting itself is the test-support
 * {@link BundleRewriter}, which the itests use for their broken copies.
 *
 * <pre>{@code
 * BundleVariants math = BundleVariants.of(BenchPaths.bundle("math"), "math");
 * byte[] jar = math.variant(7);   // library "m007", bundle io.nativebundle.bench.m007
 * }</pre>
 */
public final class BundleVariants {

    private final String library;
    private final BundleRewriter original;

    private BundleVariants(Path source, String library) throws IOException {
        this.library = library;
        this.original = BundleRewriter.of(source);
        String declared = original.header("NativeBundle-Library");
        if (declared == null || !declared.startsWith(library + ";")) {
            throw new IOException(source + " declares NativeBundle-Library: " + declared + "; expected library " + library);
        }
    }

    /** Reads a native bundle that declares the given library name. */
    public static BundleVariants of(Path source, String library) throws IOException {
        return new BundleVariants(source, library);
    }

    /**
     * The library name of variant {@code i}: the original's first letter and {@code i} in base 36,
     * as long as the original name, so that the build note keeps its size.
     */
    public String libraryName(int i) {
        String digits = Integer.toString(i, 36);
        int width = library.length() - 1;
        if (i < 0 || digits.length() > width) {
            throw new IllegalArgumentException("library " + library + " has room for " + width
                    + " base-36 digits; variant " + i + " does not fit");
        }
        return library.charAt(0) + "0".repeat(width - digits.length()) + digits;
    }

    /** The jar of variant {@code i}. */
    public byte[] variant(int i) throws IOException {
        String name = libraryName(i);
        BundleRewriter variant = original.copy()
                .symbolicName("io.nativebundle.bench." + name)
                .header("NativeBundle-Library", name + original.header("NativeBundle-Library").substring(library.length()));
        String capability = original.header("Provide-Capability");
        if (capability != null) {
            variant.header("Provide-Capability", capability.replace("io.nativebundle.library=" + library + ";",
                    "io.nativebundle.library=" + name + ";"));
        }
        // library=<name>\0 in the build note, same length, so the note's layout does not move
        return variant.replaceBytes("native/", "library=" + library + "\0", "library=" + name + "\0")
                .fixDigests().toBytes();
    }
}
