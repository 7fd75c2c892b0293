package io.nativebundle.benchmarks.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.Folders;
import io.nativebundle.benchmarks.osgi.BundleVariants;
import io.nativebundle.benchmarks.osgi.EmbeddedFramework;

/**
 * Installs and starts N distinct variants of the math bundle into one framework, from
 * {@code file:} URLs as FileInstall does, and reports the wall time until all N typed services
 * are registered, and what the N loaded bundles cost: heap after GC, metaspace, resident set,
 * the loader's native cache and the framework's bundle cache, each per bundle.
 *
 * <p>Run by the runner in its own JVM, one per N: {@code ScaleRun <N>}.
 */
public final class ScaleRun {

    private static final String MATH_LIB = "io.nativebundle.examples.math.MathLib";
    /** Gives up when no further service was registered for this long (a refused variant never gets one). */
    private static final long STALL_MS = 20_000;

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        BundleVariants math = BundleVariants.of(BenchPaths.bundle("math"), "math");
        Path jars = BenchPaths.newWorkDir("variants");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path jar = jars.resolve(math.libraryName(i) + ".jar");
            Files.write(jar, math.variant(i));
            locations.add(jar.toUri().toString());
        }
        try (EmbeddedFramework felix = EmbeddedFramework.start();
             ServiceWatch watch = new ServiceWatch(felix.context(), MATH_LIB)) {
            long storageBefore = Folders.bytesUnder(felix.storage());
            Footprint before = Footprint.afterGc();
            long t0 = System.nanoTime();
            for (String location : locations) {
                felix.context().installBundle(location).start();
            }
            int seen = watch.count();
            long lastProgress = System.nanoTime();
            while (seen < n && System.nanoTime() - lastProgress < STALL_MS * 1_000_000L) {
                Thread.sleep(1);
                if (watch.count() > seen) {
                    seen = watch.count();
                    lastProgress = System.nanoTime();
                }
            }
            long wall = System.nanoTime() - t0;
            if (watch.count() < n) {
                Result.error("only " + watch.count() + " of " + n + " services were registered; none more for "
                        + STALL_MS + " ms (see the loader's refusals above)");
                return;
            }
            Footprint cost = Footprint.afterGc().minus(before);
            long nativeCache = Folders.bytesUnder(felix.nativeCache());
            long storage = Folders.bytesUnder(felix.storage()) - storageBefore;
            new Result().put("bundles", n).put("wall_s", wall / 1e9).put("per_bundle_ms", wall / 1e6 / n)
                    .put("heap_kib_per_bundle", cost.heapBytes() / 1024.0 / n)
                    .put("metaspace_kib_per_bundle", cost.metaspaceBytes() / 1024.0 / n)
                    .put("rss_kib_per_bundle", cost.rssBytes() / 1024.0 / n)
                    .put("native_cache_kib_per_bundle", nativeCache / 1024.0 / n)
                    .put("framework_cache_kib_per_bundle", storage / 1024.0 / n)
                    .print();
        } finally {
            Folders.delete(jars);
        }
    }
}
