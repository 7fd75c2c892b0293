package io.nativebundle.benchmarks.report;

import java.util.Map;

import io.nativebundle.benchmarks.lifecycle.LifecycleResults;

/** The lifecycle tables: install to service, the scale runs, cold start. */
final class LifecycleTables {

    private final LifecycleResults results;

    LifecycleTables(LifecycleResults results) {
        this.results = results;
    }

    double installP50() {
        return Format.parse(results.install().get("p50_ms"));
    }

    /** The scale run with the most bundles, or null. */
    Map<String, String> largest() {
        Map<String, String> largest = null;
        for (Map<String, String> run : results.scale()) {
            if (run.containsKey("bundles") && (largest == null
                    || Integer.parseInt(run.get("bundles")) > Integer.parseInt(largest.get("bundles")))) {
                largest = run;
            }
        }
        return largest;
    }

    String install() {
        Map<String, String> r = results.install();
        if (r.containsKey("error")) {
            return "Install to service: not measured: " + r.get("error") + "\n";
        }
        return "| installs (after " + r.get("warmup") + " warm-up) | p50 | p90 | p99 | max | mean | of which installBundle p50 | start() p50 |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| " + r.get("installs") + " | " + ms(r, "p50_ms") + " | " + ms(r, "p90_ms") + " | " + ms(r, "p99_ms")
                + " | " + ms(r, "max_ms") + " | " + ms(r, "mean_ms") + " | " + ms(r, "install_p50_ms")
                + " | " + ms(r, "start_p50_ms") + " |\n";
    }

    String scale() {
        StringBuilder md = new StringBuilder();
        md.append("| N | wall time | per bundle | heap after GC / bundle | metaspace / bundle | RSS / bundle"
                + " | native cache / bundle | framework cache / bundle |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : results.scale()) {
            if (r.containsKey("error")) {
                md.append("| ? | not measured: ").append(r.get("error")).append(" | | | | | | |\n");
                continue;
            }
            md.append("| ").append(r.get("bundles"))
                    .append(" | ").append(Format.number(Format.parse(r.get("wall_s")), 2)).append(" s")
                    .append(" | ").append(ms(r, "per_bundle_ms"))
                    .append(" | ").append(kib(r, "heap_kib_per_bundle"))
                    .append(" | ").append(kib(r, "metaspace_kib_per_bundle"))
                    .append(" | ").append(kib(r, "rss_kib_per_bundle"))
                    .append(" | ").append(kib(r, "native_cache_kib_per_bundle"))
                    .append(" | ").append(kib(r, "framework_cache_kib_per_bundle")).append(" |\n");
        }
        return md.toString();
    }

    String coldStart() {
        double[] samples = results.coldStart();
        if (samples.length == 0) {
            return "Cold start (" + results.coldStartHow() + "): not measured: " + results.coldStartError() + "\n";
        }
        return "Cold start to a ready shell, " + results.coldStartHow() + ": median "
                + Format.number(coldStartMedian(), 0) + " ms over " + samples.length + " runs (fastest "
                + Format.number(java.util.Arrays.stream(samples).min().getAsDouble(), 0) + " ms, slowest "
                + Format.number(Stats.max(samples), 0) + " ms), each with an empty cache.\n";
    }

    double coldStartMedian() {
        return Stats.median(results.coldStart());
    }

    private static String ms(Map<String, String> r, String key) {
        return Format.number(Format.parse(r.get(key)), 1) + " ms";
    }

    private static String kib(Map<String, String> r, String key) {
        return Format.number(Format.parse(r.get(key)), 1) + " KiB";
    }
}
