package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.Version;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.binary.host.HostLibc;
import io.nativebundle.binary.host.HostMachine;
import io.nativebundle.loader.internal.host.RuntimeHost;

/**
 * Real shared libraries for the check tests, for this host's and the other platform, compiled
 * from {@code src/test/c/verify} by the nativebundle-maven-plugin ({@code test-compile} in the pom).
 */
public final class Fixtures {

    static final Path DIR = Path.of(System.getProperty("nativebundle.test.verify-fixtures", "target/verify-fixtures"))
            .toAbsolutePath();
    public static final String HOST = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElseThrow().osgiProcessor();
    static final String FOREIGN = HOST.equals("x86-64") ? "aarch64" : "x86-64";

    private Fixtures() {
    }

    /** {@code libok.so} for {@code arch}. */
    public static Path ok(String arch) throws IOException {
        return build().resolve(arch).resolve("libok.so");
    }

    /** {@code libdep.so} with soname {@code libdep.so}, and {@code libuser.so} that needs it. */
    static Path dep(String arch) throws IOException {
        return build().resolve(arch).resolve("libdep.so");
    }

    static Path user(String arch) throws IOException {
        return build().resolve(arch).resolve("libuser.so");
    }

    /** The same pair with no soname on the dependency ({@code nosoname/}) and with {@code $ORIGIN} on the user ({@code origin/}). */
    static Path variant(String variant, String arch, String file) throws IOException {
        return build().resolve(variant).resolve(arch).resolve(file);
    }

    /** The host as the tests see it: glibc 2.36, ABI 1.0.0, the real search path. */
    public static RuntimeHost host() {
        return host(LibcFlavour.GLIBC, Optional.of(new GlibcVersion(2, 36, 0)), Optional.of(new Version(1, 0, 0)));
    }

    public static RuntimeHost host(LibcFlavour libc, Optional<GlibcVersion> glibc, Optional<Version> abi) {
        HostMachine machine = HostMachine.of(System.getProperty("os.arch"), "64", ByteOrder.nativeOrder());
        return new RuntimeHost(machine, new HostLibc(libc, glibc, "set by the test"), abi,
                SystemLibraries.of(machine.machine(), ElfClass.ELF64));
    }

    private static Path build() throws IOException {
        if (!Files.isRegularFile(DIR.resolve(HOST).resolve("libok.so"))) {
            throw new IOException(DIR.resolve(HOST).resolve("libok.so") + " is missing: the fixtures are compiled by the "
                    + "nativebundle-maven-plugin (test-compile in bundles/loader/pom.xml) in generate-test-resources");
        }
        return DIR;
    }
}
