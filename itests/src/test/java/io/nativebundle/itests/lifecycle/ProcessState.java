package io.nativebundle.itests.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the kernel says about this process: mapped files and open file descriptors. */
final class ProcessState {

    private ProcessState() {
    }

    /** The distinct mapped files whose name ends with {@code fileName}, " (deleted)" kept. */
    static Set<String> mapped(String fileName) throws IOException {
        Set<String> paths = new TreeSet<>();
        List<String> lines = Files.readAllLines(Path.of("/proc/self/maps"));
        for (String line : lines) {
            int slash = line.indexOf('/');
            if (slash >= 0) {
                String path = line.substring(slash);
                if (path.endsWith("/" + fileName) || path.endsWith("/" + fileName + " (deleted)")) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    /** The number of open file descriptors. */
    static int openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    /** The regular files under {@code folder} whose name ends with {@code suffix}. */
    static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        }
    }
}
