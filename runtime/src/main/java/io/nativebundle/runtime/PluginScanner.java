package io.nativebundle.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the plugin jars FileInstall will install: every {@code *.jar} under the plugins folder,
 * sub-folders included ({@code plugins/<tenant>/...}), hidden files and folders excepted.
 */
final class PluginScanner {

    private PluginScanner() {
    }

    /**
     * The plugin jars under {@code folder}, sorted, as absolute normalised paths; empty when the
     * folder does not exist.
     */
    static List<Path> scan(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // Follow links as FileInstall does (it lists with java.io.File, which follows them).
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !isHidden(root.relativize(file)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
