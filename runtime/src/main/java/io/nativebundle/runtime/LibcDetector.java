package io.nativebundle.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds out which C library this JVM runs on, without native calls and without running
 * programs, so that it works before any native code is loaded.
 *
 * <p>The libc the JVM actually uses is mapped into the process, so {@code /proc/self/maps}
 * names it: {@code ld-musl-*.so.1} means musl, {@code libc.so.6} (or {@code libc-2.x.so} before
 * glibc 2.34) means glibc. The glibc version then comes from, in order: the file name
 * {@code libc-X.Y.so}; the banner compiled into libc.so.6 ("... release version X.Y."); the
 * highest {@code GLIBC_X.Y} symbol version the file defines. Without {@code /proc} it falls back
 * to well-known file locations.
 */
final class LibcDetector {

    private static final Pattern OLD_GLIBC_NAME = Pattern.compile("libc-(\\d+\\.\\d+(?:\\.\\d+)?)\\.so");
    private static final Pattern BANNER = Pattern.compile("release version (\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern SYMBOL_VERSION = Pattern.compile("GLIBC_(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final List<String> GLIBC_LOCATIONS = List.of(
            "/lib64/libc.so.6", "/lib/libc.so.6", "/usr/lib64/libc.so.6", "/usr/lib/libc.so.6");

    /** Reads a file; a seam for tests. */
    interface FileSystem {
        Optional<String> readString(Path file);

        Optional<byte[]> readBytes(Path file);

        List<Path> list(Path dir);
    }

    private final FileSystem fs;

    LibcDetector(FileSystem fs) {
        this.fs = fs;
    }

    /** A detector on the real file system. */
    static LibcDetector host() {
        return new LibcDetector(new HostFileSystem());
    }

    /** Detects the libc; {@link Libc#UNKNOWN} when not on Linux or nothing matches. */
    Libc detect() {
        Optional<String> maps = fs.readString(Path.of("/proc/self/maps"));
        if (maps.isPresent()) {
            Optional<Libc> mapped = fromMappedFiles(mappedFiles(maps.get()));
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        return fromWellKnownFiles();
    }

    Optional<Libc> fromMappedFiles(List<Path> files) {
        for (Path file : files) {
            if (isMusl(file)) {
                return Optional.of(Libc.musl());
            }
        }
        for (Path file : files) {
            String name = String.valueOf(file.getFileName());
            Matcher old = OLD_GLIBC_NAME.matcher(name);
            if (old.matches()) {
                return Optional.of(Libc.glibc(old.group(1)));
            }
            if (name.equals("libc.so.6")) {
                return Optional.of(Libc.glibc(versionInside(file).orElse(null)));
            }
        }
        return Optional.empty();
    }

    private Libc fromWellKnownFiles() {
        for (Path dir : List.of(Path.of("/lib"), Path.of("/usr/lib"))) {
            for (Path file : fs.list(dir)) {
                if (isMusl(file)) {
                    return Libc.musl();
                }
            }
        }
        List<Path> candidates = new ArrayList<>();
        for (Path dir : fs.list(Path.of("/lib"))) {
            if (String.valueOf(dir.getFileName()).endsWith("-linux-gnu")) {
                candidates.add(dir.resolve("libc.so.6"));
            }
        }
        GLIBC_LOCATIONS.forEach(location -> candidates.add(Path.of(location)));
        for (Path candidate : candidates) {
            Optional<String> version = versionInside(candidate);
            if (version.isPresent()) {
                return Libc.glibc(version.get());
            }
        }
        return Libc.UNKNOWN;
    }

    private static boolean isMusl(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.startsWith("ld-musl-") || name.startsWith("libc.musl-");
    }

    private Optional<String> versionInside(Path libc) {
        return fs.readBytes(libc).flatMap(LibcDetector::glibcVersion);
    }

    /** The glibc version written in a libc.so.6 image: its banner, else its highest GLIBC_ version. */
    static Optional<String> glibcVersion(byte[] image) {
        // ISO-8859-1 maps every byte to one char, so offsets and ASCII text survive as they are.
        String text = new String(image, StandardCharsets.ISO_8859_1);
        Matcher banner = BANNER.matcher(text);
        if (banner.find()) {
            return Optional.of(banner.group(1));
        }
        int[] best = null;
        Matcher symbol = SYMBOL_VERSION.matcher(text);
        while (symbol.find()) {
            int[] candidate = {
                Integer.parseInt(symbol.group(1)),
                Integer.parseInt(symbol.group(2)),
                symbol.group(3) == null ? 0 : Integer.parseInt(symbol.group(3))
            };
            if (best == null || compare(candidate, best) > 0) {
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(best[0] + "." + best[1] + (best[2] == 0 ? "" : "." + best[2]));
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** The file paths in the text of {@code /proc/<pid>/maps}, in order, without duplicates. */
    static List<Path> mappedFiles(String maps) {
        List<Path> files = new ArrayList<>();
        for (String line : maps.split("\n")) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash).replaceFirst(" \\(deleted\\)$", "").trim();
            Path file = Path.of(path);
            if (!files.contains(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static final class HostFileSystem implements FileSystem {
        @Override
        public Optional<String> readString(Path file) {
            try {
                return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<byte[]> readBytes(Path file) {
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public List<Path> list(Path dir) {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.sorted().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }
}
