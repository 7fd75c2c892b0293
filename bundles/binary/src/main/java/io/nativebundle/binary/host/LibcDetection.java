package io.nativebundle.binary.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.nativebundle.binary.ElfReader;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;

/**
 * Finds out which C library this host runs, without running native code or programs. The two
 * earlier detectors (the launcher's and the loader's) each saw part of it; this is both, in order:
 * <ol>
 * <li>flavour from the JVM's own executable: {@code /proc/self/exe}'s {@code PT_INTERP} names
 *     {@code ld-linux*} or {@code ld-musl*};</li>
 * <li>else from what is mapped into the process ({@code /proc/self/maps}: {@code ld-musl-*.so.1},
 *     {@code libc.so.6}, {@code libc-2.x.so});</li>
 * <li>else from the search path: a {@code libc.so.6} there means glibc, an {@code ld-musl-*.so.1} musl.</li>
 * </ol>
 * The glibc release comes from the {@code libc.so.6} the process has mapped (else the one on the
 * search path): its old-style name {@code libc-X.Y.so}, else its banner ("release version X.Y"),
 * else the highest {@code GLIBC_X.Y} it defines. The same file gives the {@link GlibcDefinitions}.
 */
final class LibcDetection {

    /** libc.so.6 is about 2 MB; anything far larger is not a C library. */
    private static final int MAX_LIBC_SIZE = 64 << 20;

    /** What was found: the libc, and the version definitions of its file when it is a glibc. */
    record Result(HostLibc libc, Optional<GlibcDefinitions> definitions) {
    }

    private final Path root;
    private final SystemLibraries libraries;

    /** @param root the file system root, {@code /} on a real host, a fixture folder in tests */
    LibcDetection(Path root, SystemLibraries libraries) {
        this.root = root;
        this.libraries = libraries;
    }

    Result detect() {
        List<Path> mapped = mappedFiles();
        Path exe = onRoot("/proc/self/exe");
        LibcFlavour flavour;
        String source;
        Optional<LibcFlavour> ofExe = ofExecutable(exe);
        Optional<Path> mappedLibc = mapped.stream().filter(ProcMaps::isGlibc).findFirst();
        Optional<Path> mappedMusl = mapped.stream().filter(ProcMaps::isMusl).findFirst();
        if (ofExe.isPresent()) {
            flavour = ofExe.get();
            source = "detected from " + exe;
        } else if (mappedMusl.isPresent()) {
            flavour = LibcFlavour.MUSL;
            source = "detected from " + mappedMusl.get() + " in /proc/self/maps";
        } else if (mappedLibc.isPresent()) {
            flavour = LibcFlavour.GLIBC;
            source = "detected from " + mappedLibc.get() + " in /proc/self/maps";
        } else {
            Optional<Path> glibc = libraries.find("libc.so.6");
            Optional<Path> musl = glibc.isPresent() ? Optional.empty() : muslLoader();
            flavour = glibc.isPresent() ? LibcFlavour.GLIBC : musl.isPresent() ? LibcFlavour.MUSL : LibcFlavour.UNKNOWN;
            source = glibc.or(() -> musl).map(f -> "detected from " + f)
                    .orElse("not detected (no libc.so.6 or ld-musl on the search path)");
        }
        if (flavour != LibcFlavour.GLIBC) {
            return new Result(new HostLibc(flavour, Optional.empty(), source), Optional.empty());
        }
        Optional<Path> file = mappedLibc.map(p -> onRoot(p.toString())).filter(Files::isRegularFile)
                .or(() -> libraries.find("libc.so.6"));
        if (file.isEmpty()) {
            Optional<GlibcVersion> byName = mappedLibc.flatMap(p -> GlibcRelease.ofFileName(p.getFileName().toString()));
            return new Result(new HostLibc(flavour, byName, source + (byName.isPresent()
                    ? "; version from the name of " + mappedLibc.get()
                    : "; version unknown: no readable libc.so.6 on the search path")), Optional.empty());
        }
        return glibc(flavour, source, file.get(), mappedLibc.map(p -> p.getFileName().toString()));
    }

    private Result glibc(LibcFlavour flavour, String source, Path file, Optional<String> mappedName) {
        byte[] image;
        try (InputStream in = Files.newInputStream(file)) {
            image = in.readNBytes(MAX_LIBC_SIZE);
        } catch (IOException | RuntimeException e) {
            return new Result(new HostLibc(flavour, Optional.empty(), source + "; version unknown: cannot read "
                    + file + " (" + e.getMessage() + ")"), Optional.empty());
        }
        Optional<GlibcDefinitions> definitions = GlibcDefinitions.of(file, image);
        Optional<GlibcVersion> byName = mappedName.flatMap(GlibcRelease::ofFileName)
                .or(() -> GlibcRelease.ofFileName(file.getFileName().toString()));
        Optional<GlibcVersion> version;
        String from;
        if (byName.isPresent()) {
            version = byName;
            from = "the name of " + file;
        } else if ((version = GlibcRelease.ofBanner(image)).isPresent()) {
            from = "the banner of " + file;
        } else {
            version = definitions.flatMap(GlibcDefinitions::highestVersion);
            from = "the version definitions of " + file;
        }
        String described = version.isPresent() ? source + "; version from " + from
                : source + "; version unknown: " + file + " names no release and defines no GLIBC_ version";
        return new Result(new HostLibc(flavour, version, described), definitions);
    }

    private static Optional<LibcFlavour> ofExecutable(Path exe) {
        try {
            LibcFlavour ofJvm = ElfReader.read(exe).libc();
            return ofJvm == LibcFlavour.UNKNOWN ? Optional.empty() : Optional.of(ofJvm);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or /proc is not mounted: the other sources tell
        }
    }

    private List<Path> mappedFiles() {
        try {
            return ProcMaps.mappedFiles(Files.readString(onRoot("/proc/self/maps"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private Optional<Path> muslLoader() {
        for (Path dir : libraries.directories()) {
            try (DirectoryStream<Path> musl = Files.newDirectoryStream(dir, "ld-musl-*.so.1")) {
                for (Path loader : musl) {
                    return Optional.of(loader);
                }
            } catch (IOException | RuntimeException e) {
                // a missing directory has no loader
            }
        }
        return Optional.empty();
    }

    private Path onRoot(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", "")).normalize();
    }
}
