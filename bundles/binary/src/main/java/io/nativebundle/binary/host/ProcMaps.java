package io.nativebundle.binary.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files mapped into this process, from the text of {@code /proc/self/maps}. */
final class ProcMaps {

    private ProcMaps() {
    }

    /** The file paths in {@code maps}, in order, without duplicates; {@code (deleted)} marks are dropped. */
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

    /** Whether the file is musl's loader or libc, which are one file: {@code ld-musl-x86_64.so.1}, {@code libc.musl-*}. */
    static boolean isMusl(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.startsWith("ld-musl-") || name.startsWith("libc.musl-");
    }

    /** Whether the file is glibc's C library: {@code libc.so.6}, or {@code libc-2.31.so} before glibc 2.34. */
    static boolean isGlibc(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.equals("libc.so.6") || GlibcRelease.ofFileName(name).isPresent();
    }
}
