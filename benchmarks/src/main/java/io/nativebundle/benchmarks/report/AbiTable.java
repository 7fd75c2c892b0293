package io.nativebundle.benchmarks.report;

import java.util.Map;

/**
 * The C ABI shapes of issue 15 ({@code calls.AbiBench}): a struct filled through a pointer and
 * {@code qsort} of 10,000 ints with a Java comparator, each by {@code NativeFunction} (a descriptor
 * over libc; on the default backend, and on FFM where the JVM is 22+), and a struct by value
 * (abitest's {@code point_add}) by {@code NativeFunction} and the typed interface (each on FFM too), next to
 * hand-written JNI in the same run, with their ratios. The runner measures in nanoseconds whatever
 * a benchmark's own unit, so the medians arrive in ns.
 */
public final class AbiTable {

    /** The JMH include pattern of AbiBench's benchmarks. */
    public static final String INCLUDE = "^io\\.nativebundle\\.benchmarks\\.calls\\.AbiBench\\.";

    private static final String BENCH = "io.nativebundle.benchmarks.calls.AbiBench.";

    /** One row: what is called, the two benchmarks, and the unit (with its size in ns) the row is shown in. */
    private record Row(String shape, String benchmark, String unit, double nanos) {
    }

    private static final Row[] ROWS = {
        new Row("struct by pointer: clock_gettime(int, out timespec)", "structByPointer", "ns", 1),
        new Row("qsort of 10,000 ints, a Java comparator per comparison", "qsort10k", "ms", 1e6),
        new Row("struct by value: point_add(point, point)point (abitest)", "structByValue", "ns", 1),
    };

    private final Map<String, Sample> samples;

    AbiTable(Map<String, Sample> samples) {
        this.samples = samples;
    }

    /** Whether any AbiBench benchmark ran. */
    boolean measured() {
        return samples.keySet().stream().anyMatch(name -> name.startsWith(BENCH));
    }

    /** The Markdown table: medians of every path a shape has and their ratios to JNI. */
    String table() {
        StringBuilder md = new StringBuilder("| call | JNI, hand-written | NativeFunction | NativeFunction / JNI |"
                + " NativeFunction on FFM | on FFM / JNI | typed interface | typed / JNI | typed on FFM | typed on FFM / JNI |"
                + "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : ROWS) {
            double jni = median(row.benchmark + "_jni");
            double function = median(row.benchmark + "_function");
            double ffm = median(row.benchmark + "_ffm");
            double typed = median(row.benchmark + "_typed");
            double typedFfm = median(row.benchmark + "_typedFfm");
            md.append("| ").append(row.shape)
                    .append(" | ").append(shown(jni, row)).append(" | ").append(shown(function, row))
                    .append(" | ").append(Format.ratio(function / jni))
                    .append(" | ").append(shown(ffm, row)).append(" | ").append(Format.ratio(ffm / jni))
                    .append(" | ").append(shown(typed, row)).append(" | ").append(Format.ratio(typed / jni))
                    .append(" | ").append(shown(typedFfm, row)).append(" | ").append(Format.ratio(typedFfm / jni))
                    .append(" |\n");
        }
        return md.toString();
    }

    private double median(String method) {
        Sample s = samples.get(BENCH + method);
        return s == null ? Double.NaN : s.median();
    }

    private static String shown(double nanos, Row row) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        return (row.nanos == 1 ? Format.ns(nanos) : Format.number(nanos / row.nanos, 1)) + " " + row.unit;
    }
}
