package io.nativebundle.benchmarks.report;

import java.util.Map;
import java.util.function.Predicate;

import io.nativebundle.benchmarks.Availability;

/** The call-overhead tables: medians with their ratio to JNI, and the spread behind them. */
final class CallTables {

    private final Map<String, Sample> samples;
    private final Availability availability;
    private final Predicate<String> requested;

    /** @param requested whether a benchmark was asked for (an --include may leave some out) */
    CallTables(Map<String, Sample> samples, Availability availability, Predicate<String> requested) {
        this.samples = samples;
        this.availability = availability;
        this.requested = requested;
    }

    /** The median of a path and function in ns/op, NaN when it was not measured. */
    double median(CallPath path, String function) {
        Sample sample = samples.get(path.benchmark(function));
        return sample == null ? Double.NaN : sample.median();
    }

    /** The median ratio of a path to JNI for a function, from the same run. */
    double ratioToJni(CallPath path, String function) {
        return median(path, function) / median(CallPath.JNI, function);
    }

    String medians() {
        StringBuilder md = new StringBuilder();
        md.append("| path | add ns | add ×JNI | noop ns | noop ×JNI | length ns | length ×JNI |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CallPath path : CallPath.values()) {
            md.append("| ").append(path.label());
            if (!availability.available(path)) {
                md.append(" | unavailable | | | | | |\n");
                continue;
            }
            for (String function : CallPath.FUNCTIONS) {
                double median = median(path, function);
                String cell = !Double.isNaN(median) ? Format.ns(median)
                        : requested.test(path.benchmark(function)) ? "failed" : "not run";
                md.append(" | ").append(cell)
                        .append(" | ").append(Format.ratio(ratioToJni(path, function)));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    String unavailable() {
        StringBuilder md = new StringBuilder();
        availability.unavailable().forEach((path, reason) ->
                md.append("- ").append(path.label()).append(": ").append(reason).append('\n'));
        return md.toString();
    }

    String details() {
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | median | mean ± 99.9% error | fastest–slowest iteration | iterations |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (CallPath path : CallPath.values()) {
            for (String function : CallPath.FUNCTIONS) {
                Sample s = samples.get(path.benchmark(function));
                if (s == null) {
                    continue;
                }
                String name = path.benchmark(function);
                md.append("| ").append(name.substring(name.lastIndexOf("calls.") + 6))
                        .append(" | ").append(Format.ns(s.median()))
                        .append(" | ").append(Format.ns(s.mean())).append(" ± ").append(Format.ns(s.error()))
                        .append(" | ").append(Format.ns(s.min())).append("–").append(Format.ns(s.max()))
                        .append(" | ").append(s.count()).append(" |\n");
            }
        }
        return md.toString();
    }
}
