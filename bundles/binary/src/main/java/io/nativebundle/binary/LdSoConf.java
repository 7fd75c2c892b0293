package io.nativebundle.binary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the directories of {@code /etc/ld.so.conf} and the files it includes, the way
 * {@code ldconfig} does: one directory per line (or separated by spaces, colons or commas),
 * {@code #} comments, {@code include <glob>} lines, {@code hwcap} lines ignored. These are the
 * directories the dynamic linker's cache covers; reading them instead of the binary
 * {@code /etc/ld.so.cache} keeps the check free of a cache format that differs across glibc
 * versions, at the cost of seeing a directory added since the last {@code ldconfig} run.
 */
final class LdSoConf {

    /** ld.so.conf files include each other; a cycle or a deep chain is a misconfiguration. */
    private static final int MAX_DEPTH = 8;

    private final Path root;

    /** @param root the file system root; {@code /} on a real host, a folder in tests */
    LdSoConf(Path root) {
        this.root = root;
    }

    /** @return the directories named by {@code <root>/etc/ld.so.conf}, in order, without duplicates */
    List<Path> directories() {
        Set<Path> directories = new LinkedHashSet<>();
        read(root.resolve("etc/ld.so.conf"), directories, 0);
        return new ArrayList<>(directories);
    }

    private void read(Path file, Set<Path> directories, int depth) {
        if (depth > MAX_DEPTH || !Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return; // an unreadable configuration file adds no directory, as for ldconfig
        }
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).trim();
            if (line.isEmpty() || line.startsWith("hwcap ")) {
                continue;
            }
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                for (String pattern : line.substring("include".length()).trim().split("\\s+")) {
                    for (Path included : glob(file.getParent(), pattern)) {
                        read(included, directories, depth + 1);
                    }
                }
                continue;
            }
            for (String entry : line.split("[\\s:,]+")) {
                // the old "dir=libtype" form: the type is only a hint for ldconfig
                String dir = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : entry;
                if (dir.startsWith("/")) {
                    directories.add(onRoot(dir));
                }
            }
        }
    }

    /** Expands a glob whose wildcards are in the file name only, as in {@code /etc/ld.so.conf.d/*.conf}. */
    private List<Path> glob(Path base, String pattern) {
        Path path = pattern.startsWith("/") ? onRoot(pattern) : base.resolve(pattern);
        Path folder = path.getParent();
        List<Path> matches = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return matches;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, path.getFileName().toString())) {
            files.forEach(matches::add);
        } catch (IOException | RuntimeException e) {
            return matches;
        }
        matches.sort(null); // ldconfig reads included files in sorted order
        return matches;
    }

    Path onRoot(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", "")).normalize();
    }
}
