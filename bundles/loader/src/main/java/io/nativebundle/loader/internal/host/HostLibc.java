package io.nativebundle.loader.internal.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nativebundle.binary.ElfReader;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;

/**
 * Finds out which C library this host runs, without running native code, for when the launcher
 * did not set {@code io.nativebundle.libc} and {@code io.nativebundle.glibc.version}: the flavour
 * from the JVM's own executable ({@code /proc/self/exe}: its {@code PT_INTERP} names
 * {@code ld-linux*} or {@code ld-musl*}), the glibc version from the version definitions of the
 * {@code libc.so.6} on the system search path. Results are kept: the host does not change while
 * the JVM runs.
 */
final class HostLibc {

    /** A detected fact and where it came from, so refusal messages can say why the host is what it is. */
    record Detected<T>(T value, String source) {
    }

    private static volatile Detected<LibcFlavour> flavour;
    private static final Map<Path, Optional<GlibcVersion>> GLIBC = new ConcurrentHashMap<>();

    private HostLibc() {
    }

    static Detected<LibcFlavour> flavour(SystemLibraries libraries) {
        Detected<LibcFlavour> known = flavour;
        if (known == null) {
            known = detectFlavour(Path.of("/proc/self/exe"), libraries);
            flavour = known;
        }
        return known;
    }

    static Detected<LibcFlavour> detectFlavour(Path executable, SystemLibraries libraries) {
        try {
            LibcFlavour ofJvm = ElfReader.read(executable).libc();
            if (ofJvm != LibcFlavour.UNKNOWN) {
                return new Detected<>(ofJvm, "detected from " + executable);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is not mounted: fall back to the files on the search path
        }
        Optional<Path> glibc = libraries.find("libc.so.6");
        if (glibc.isPresent()) {
            return new Detected<>(LibcFlavour.GLIBC, "detected from " + glibc.get());
        }
        for (Path dir : libraries.directories()) {
            try (DirectoryStream<Path> musl = Files.newDirectoryStream(dir, "ld-musl-*.so.1")) {
                for (Path loader : musl) {
                    return new Detected<>(LibcFlavour.MUSL, "detected from " + loader);
                }
            } catch (IOException | RuntimeException e) {
                // a missing directory has no loader
            }
        }
        return new Detected<>(LibcFlavour.UNKNOWN, "not detected (no libc.so.6 or ld-musl on the search path)");
    }

    /** @return the glibc version defined by the {@code libc.so.6} on the search path, if found */
    static Optional<Detected<GlibcVersion>> glibc(SystemLibraries libraries) {
        Optional<Path> libc = libraries.find("libc.so.6");
        if (libc.isEmpty()) {
            return Optional.empty();
        }
        Path file = libc.get();
        return GLIBC.computeIfAbsent(file, GlibcDefinitions::highest)
                .map(version -> new Detected<>(version, "detected from the version definitions of " + file));
    }
}
