package io.nativebundle.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run happened on, as the results quote it. */
public record Machine(int processors, String cpu, String memory, String os, String jdk, String loadAverage) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                procValue("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                readLoadAverage());
    }

    /** One line, e.g. {@code 2 × AMD EPYC, 23.5 GiB, Linux 6.1 amd64, OpenJDK 64-Bit Server VM 17.0.15+6}. */
    public String describe() {
        return processors + " × " + cpu + " (nproc " + processors + "), " + memory + " RAM, " + os + ", " + jdk;
    }

    private static java.util.Optional<String> procValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        try {
            long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg. */
    private static String readLoadAverage() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/loadavg")).get(0).trim().split("\\s+");
            return String.join(" ", java.util.Arrays.copyOf(fields, Math.min(3, fields.length)));
        } catch (IOException | IndexOutOfBoundsException e) {
            return "?";
        }
    }
}
