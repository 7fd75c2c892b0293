package io.nativebundle.benchmarks.lifecycle;

import java.io.ByteArrayInputStream;

import org.osgi.framework.Bundle;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.osgi.BundleVariants;
import io.nativebundle.benchmarks.osgi.EmbeddedFramework;
import io.nativebundle.benchmarks.report.Stats;

/**
 * The time from {@code installBundle} to the native bundle's typed service being registered,
 * with {@code start()} in between, over many distinct variants of the math bundle in one
 * framework. Each measured bundle is uninstalled again (untimed), so every sample sees the same
 * framework size. Warm-up installs are measured the same way and discarded.
 *
 * <p>Run by the runner in its own JVM: {@code InstallLatency <warmup> <measured>}.
 */
public final class InstallLatency {

    private static final String MATH_LIB = "io.nativebundle.examples.math.MathLib";
    /** The loader registers the service while start() runs; a refused variant is known long before this. */
    private static final long SERVICE_TIMEOUT_MS = 10_000;

    private InstallLatency() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        BundleVariants math = BundleVariants.of(BenchPaths.bundle("math"), "math");
        double[] total = new double[measured];
        double[] install = new double[measured];
        double[] start = new double[measured];
        try (EmbeddedFramework felix = EmbeddedFramework.start();
             ServiceWatch watch = new ServiceWatch(felix.context(), MATH_LIB)) {
            for (int i = 0; i < warmup + measured; i++) {
                byte[] jar = math.variant(i);
                long t0 = System.nanoTime();
                Bundle bundle = felix.install("bench:" + math.libraryName(i), new ByteArrayInputStream(jar));
                long installed = System.nanoTime();
                bundle.start();
                long started = System.nanoTime();
                long registered = watch.await(math.libraryName(i), SERVICE_TIMEOUT_MS);
                if (registered < 0) {
                    Result.error("no MathLib service for " + math.libraryName(i) + " within " + SERVICE_TIMEOUT_MS
                            + " ms of start(); the loader refused or ignored the variant");
                    return;
                }
                bundle.uninstall();
                int k = i - warmup;
                if (k >= 0) {
                    total[k] = (registered - t0) / 1e6;
                    install[k] = (installed - t0) / 1e6;
                    start[k] = (started - installed) / 1e6;
                }
            }
        }
        new Result().put("warmup", warmup).put("installs", measured)
                .put("p50_ms", Stats.percentile(total, 50)).put("p90_ms", Stats.percentile(total, 90))
                .put("p99_ms", Stats.percentile(total, 99)).put("max_ms", Stats.max(total))
                .put("mean_ms", Stats.mean(total))
                .put("install_p50_ms", Stats.percentile(install, 50))
                .put("start_p50_ms", Stats.percentile(start, 50))
                .print();
    }
}
