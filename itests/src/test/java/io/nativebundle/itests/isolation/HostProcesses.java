package io.nativebundle.itests.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host processes the kernel knows of, read from {@code /proc}: a test checks there with its
 * own eyes, not through the loader, that none is left behind.
 */
public final class HostProcesses {

    /** {@code /proc/<pid>/comm} holds at most 15 characters of the program's name. */
    private static final String COMM = "nativebundle-host".substring(0, 15);

    private HostProcesses() {
    }

    /** The pids of the live host processes whose parent is {@code parent}. */
    public static List<Long> childrenOf(long parent) throws IOException {
        List<Long> hosts = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    Stat stat = stat(Long.parseLong(name));
                    if (stat != null && stat.live() && stat.parent() == parent && stat.comm().equals(COMM)) {
                        hosts.add(stat.pid());
                    }
                }
            }
        }
        return hosts;
    }

    /**
     * Whether {@code pid} is a live host process. A zombie counts as gone: it runs nothing, holds no
     * memory and only waits for a parent that reaps (PID 1 of a container may never do so).
     */
    public static boolean alive(long pid) {
        Stat stat = stat(pid);
        return stat != null && stat.live() && stat.comm().equals(COMM);
    }

    private record Stat(long pid, String comm, char state, long parent) {
        boolean live() {
            return state != 'Z' && state != 'X';
        }
    }

    private static Stat stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // pid (comm) state ppid ...; comm may hold blanks and parentheses, so read around the last ')'
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            return new Stat(pid, line.substring(open + 1, close), rest[0].charAt(0), Long.parseLong(rest[1]));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
