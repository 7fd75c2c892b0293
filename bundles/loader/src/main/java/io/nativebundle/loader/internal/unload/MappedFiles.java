package io.nativebundle.loader.internal.unload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files the dynamic linker has mapped into this process, read from {@code /proc/self/maps}.
 * The loader uses it to tell whether a dlclose really unmapped a library: glibc keeps a library
 * mapped when it is {@code NODELETE}, has unique symbols, or another library bound one of its
 * symbols.
 */
public final class MappedFiles {

    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final String DELETED = " (deleted)";

    private MappedFiles() {
    }

    /** Whether {@code /proc/self/maps} can be read here (Linux). */
    public static boolean available() {
        return Files.isReadable(MAPS);
    }

    /** The mapped files under {@code folder}; empty when unknown. */
    public static Set<String> under(Path folder) {
        String prefix = real(folder).toString() + "/";
        Set<String> mapped = new TreeSet<>();
        for (String path : all()) {
            if (path.startsWith(prefix)) {
                mapped.add(path);
            }
        }
        return mapped;
    }

    /** The kernel shows paths with symbolic links resolved. */
    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** Every mapped file path, with the kernel's " (deleted)" suffix removed. */
    public static Set<String> all() {
        Set<String> mapped = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(MAPS, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return mapped;
        }
        for (String line : lines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash);
            mapped.add(path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path);
        }
        return mapped;
    }
}
