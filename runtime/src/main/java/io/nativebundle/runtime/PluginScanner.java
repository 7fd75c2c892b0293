package io.nativebundle.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the plugins FileInstall will install: every {@code *.jar} and every drop-in descriptor
 * ({@code *.nativebundle}, which the wrap bundle turns into a bundle) under the plugins folder,
 * sub-folders included ({@code plugins/<tenant>/...}), hidden files and folders excepted. The
 * {@code .so} next to a descriptor is part of that plugin, not one of its own.
 */
final class PluginScanner {

    private PluginScanner() {
    }

    /** The file name ending of a drop-in descriptor. */
    static final String DESCRIPTOR = ".nativebundle";

    /**
     * The plugin jars and descriptors under {@code folder}, sorted, as absolute normalised paths;
     * empty when the folder does not exist.
     */
    static List<Path> scan(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // Follow links as FileInstall does (it lists with java.io.File, which follows them).
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(PluginScanner::isPlugin)
                    .filter(file -> !isHidden(root.relativize(file)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isPlugin(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") || name.endsWith(DESCRIPTOR);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
