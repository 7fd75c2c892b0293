package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Version;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.loader.internal.host.HostPlatform;

/**
 * Real shared libraries for the check tests, compiled once per test run with the build's own
 * {@code scripts/native-cc.sh} for this host's and the other platform, from the C sources below.
 */
public final class Fixtures {

    static final Path DIR = Path.of("target", "verify-fixtures").toAbsolutePath();
    public static final String HOST = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElseThrow().osgiProcessor();
    static final String FOREIGN = HOST.equals("x86-64") ? "aarch64" : "x86-64";

    /** A plugin library: build note, exported functions (one needs libc), one hidden and one static. */
    private static final String OK_C = """
            #include <string.h>
            #include "nativebundle.h"
            NATIVEBUNDLE_LIBRARY("ok", "1.0.0", "1.0.0");
            NATIVEBUNDLE_EXPORT int ok_length(const char *s) { return (int) strlen(s); }
            NATIVEBUNDLE_EXPORT int ok_add(int a, int b) { return a + b; }
            int ok_hidden(int a) { return a; }
            static int ok_static(int a) { return a * 2; }
            NATIVEBUNDLE_EXPORT int ok_twice(int a) { return ok_static(a) + ok_hidden(0); }
            """;
    private static final String DEP_C = """
            #include "nativebundle.h"
            NATIVEBUNDLE_EXPORT int dep_value(void) { return 42; }
            """;
    private static final String USER_C = """
            #include "nativebundle.h"
            NATIVEBUNDLE_LIBRARY("user", "1.0.0", "1.0.0");
            NATIVEBUNDLE_EXPORT int dep_value(void);
            NATIVEBUNDLE_EXPORT int user_value(void) { return dep_value() + 1; }
            """;

    private static boolean built;

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
    public static HostPlatform host() {
        return host(LibcFlavour.GLIBC, Optional.of(new GlibcVersion(2, 36, 0)), Optional.of(new Version(1, 0, 0)));
    }

    public static HostPlatform host(LibcFlavour libc, Optional<GlibcVersion> glibc, Optional<Version> abi) {
        ElfMachine machine = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElseThrow();
        return new HostPlatform(machine, System.getProperty("os.arch"), ElfClass.ELF64, ByteOrder.nativeOrder(), libc,
                "set by the test", glibc, "set by the test", abi, SystemLibraries.of(machine, ElfClass.ELF64));
    }

    private static synchronized Path build() throws IOException {
        if (built) {
            return DIR;
        }
        Path src = DIR.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("ok.c"), OK_C, StandardCharsets.UTF_8);
        Files.writeString(src.resolve("dep.c"), DEP_C, StandardCharsets.UTF_8);
        Files.writeString(src.resolve("user.c"), USER_C, StandardCharsets.UTF_8);
        for (String arch : List.of(HOST, FOREIGN)) {
            Path out = DIR.resolve(arch);
            cc(arch, out.resolve("libok.so"), "-fvisibility=hidden", src.resolve("ok.c").toString());
            cc(arch, out.resolve("libdep.so"), "-Wl,-soname,libdep.so", src.resolve("dep.c").toString());
            cc(arch, out.resolve("libuser.so"), src.resolve("user.c").toString(), "-L" + out, "-ldep");
            Path nosoname = DIR.resolve("nosoname").resolve(arch);
            cc(arch, nosoname.resolve("libdep.so"), src.resolve("dep.c").toString());
            cc(arch, nosoname.resolve("libuser.so"), src.resolve("user.c").toString(), "-L" + nosoname, "-ldep");
            Path origin = DIR.resolve("origin").resolve(arch);
            cc(arch, origin.resolve("libdep.so"), src.resolve("dep.c").toString());
            cc(arch, origin.resolve("libuser.so"), src.resolve("user.c").toString(), "-L" + origin, "-ldep",
                    "-Wl,-rpath,$ORIGIN");
        }
        built = true;
        return DIR;
    }

    private static void cc(String arch, Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("../../scripts/native-cc.sh").toAbsolutePath().toString(),
                arch, out.toString(), "-std=c11", "-I" + Path.of("../binary/src/main/c/include").toAbsolutePath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("could not compile " + out + ": " + command + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
