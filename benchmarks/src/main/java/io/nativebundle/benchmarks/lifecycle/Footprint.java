package io.nativebundle.benchmarks.lifecycle;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** What one JVM holds right now: heap after a full GC, metaspace, resident set size. */
record Footprint(long heapBytes, long metaspaceBytes, long rssBytes) {

    /** Measures after collecting garbage until the used heap stops shrinking. */
    static Footprint afterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                used = Math.min(used, now);
                break;
            }
            used = now;
        }
        return new Footprint(used, metaspace(), rss());
    }

    Footprint minus(Footprint before) {
        return new Footprint(heapBytes - before.heapBytes, metaspaceBytes - before.metaspaceBytes, rssBytes - before.rssBytes);
    }

    private static long metaspace() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return 0;
    }

    /** VmRSS from /proc/self/status, 0 where there is none. */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave RSS out
        }
        return 0;
    }
}
