package io.nativebundle.benchmarks.report;

import java.util.Map;

/**
 * The typed interface's shapes of issue 16 ({@code calls.TypedShapeBench}): an unsigned value, an
 * array C reads, an array C writes, out-parameters by reference and a {@code @SaveError} method,
 * each through abitest's typed service on jnr and on FFM (Java 22+), next to hand-written JNI in
 * the same run, with their ratios to JNI and FFM's to jnr.
 */
public final class TypedShapeTable {

    /** The JMH include pattern of TypedShapeBench's benchmarks. */
    public static final String INCLUDE = "^io\\.nativebundle\\.benchmarks\\.calls\\.TypedShapeBench\\.";

    private static final String BENCH = "io.nativebundle.benchmarks.calls.TypedShapeBench.";

    /** One row: what is called and the benchmarks' common prefix. */
    private record Row(String shape, String benchmark) {
    }

    private static final Row[] ROWS = {
        new Row("unsigned: `@u_int32_t long next_u32(@u_int32_t long)`", "unsigned"),
        new Row("array in: `sum_ints(@In int[64], int)`", "arrayIn"),
        new Row("array out: `fill_doubles(@Out double[64], int, double)`", "arrayOut"),
        new Row("by reference: `divmod(int, int, @Out IntByReference, @Out LongLongByReference,"
                + " @Out DoubleByReference)`", "byReference"),
        new Row("`@SaveError int fail_with(int)`", "saveError"),
    };

    private final Map<String, Sample> samples;

    TypedShapeTable(Map<String, Sample> samples) {
        this.samples = samples;
    }

    /** Whether any TypedShapeBench benchmark ran. */
    boolean measured() {
        return samples.keySet().stream().anyMatch(name -> name.startsWith(BENCH));
    }

    /** The Markdown table: the medians of every path in ns, and their ratios. */
    String table() {
        StringBuilder md = new StringBuilder("| typed call | JNI, hand-written | typed on jnr | jnr / JNI | typed on FFM"
                + " | FFM / JNI | FFM / jnr |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : ROWS) {
            double jni = median(row.benchmark + "_jni");
            double jnr = median(row.benchmark + "_jnr");
            double ffm = median(row.benchmark + "_ffm");
            md.append("| ").append(row.shape)
                    .append(" | ").append(shown(jni)).append(" | ").append(shown(jnr))
                    .append(" | ").append(Format.ratio(jnr / jni))
                    .append(" | ").append(shown(ffm)).append(" | ").append(Format.ratio(ffm / jni))
                    .append(" | ").append(Format.ratio(ffm / jnr)).append(" |\n");
        }
        return md.toString();
    }

    private double median(String method) {
        Sample s = samples.get(BENCH + method);
        return s == null ? Double.NaN : s.median();
    }

    private static String shown(double nanos) {
        return Double.isNaN(nanos) ? "–" : Format.ns(nanos) + " ns";
    }
}
