package io.nativebundle.benchmarks.report;

import java.util.Map;

import io.nativebundle.benchmarks.Availability;

/** The targets of issue 8 and those of issue 16 (both backends), checked against one run. */
final class Targets {

    private final CallTables calls;
    private final LifecycleTables lifecycle;
    private final Availability availability;
    private final StringBuilder md = new StringBuilder();

    Targets(CallTables calls, LifecycleTables lifecycle, Availability availability) {
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.availability = availability;
    }

    String table() {
        md.setLength(0);
        md.append("| target (issue 8 unless marked) | measured | verdict |\n|---|---:|---|\n");
        String guard = availability.bareBinding() ? " (bare jnr-ffi binding: no guard yet)" : "";
        double serviceAdd = calls.median(CallPath.SERVICE_OFF, "add");
        row("typed service, metrics off, add ≤ 1.3× JNI" + guard,
                calls.ratioToJni(CallPath.SERVICE_OFF, "add"), Format.ratio(calls.ratioToJni(CallPath.SERVICE_OFF, "add")),
                v -> v <= 1.3);
        double jnaOverService = calls.median(CallPath.JNA_DIRECT, "add") / serviceAdd;
        row("typed service ≥ 8× faster than JNA direct, add" + guard, jnaOverService, Format.ratio(jnaOverService),
                v -> v >= 8);
        row("NativeFunction typed adapter, add ≤ 2× JNI", calls.ratioToJni(CallPath.FUNCTION_TYPED, "add"),
                Format.ratio(calls.ratioToJni(CallPath.FUNCTION_TYPED, "add")), v -> v <= 2);
        double invoke = calls.median(CallPath.FUNCTION_INVOKE, "add");
        row("NativeFunction invoke(Object...), add ≤ 100 ns", invoke, Format.ns(invoke) + " ns", v -> v <= 100);
        double metrics = calls.median(CallPath.SERVICE_ON, "add") - serviceAdd;
        row("metrics on − metrics off, add ≤ 25 ns", metrics, Format.ns(metrics) + " ns", v -> v <= 25);
        hotPath();
        if (lifecycle != null) {
            double p50 = lifecycle.installP50();
            row("install to service p50 ≤ 25 ms", p50, Format.number(p50, 1) + " ms", v -> v <= 25);
            Map<String, String> largest = lifecycle.largest();
            boolean full = largest != null && Integer.parseInt(largest.get("bundles")) >= 500;
            double wall = full ? Format.parse(largest.get("wall_s")) : Double.NaN;
            double heap = largest == null ? Double.NaN : Format.parse(largest.get("heap_kib_per_bundle"));
            String n = largest == null ? "" : " (N = " + largest.get("bundles") + ")";
            row("500 bundles install in ≤ 15 s", wall, Format.number(wall, 2) + " s", v -> v <= 15);
            row("heap per loaded bundle ≤ 256 KiB" + n, heap, Format.number(heap, 1) + " KiB", v -> v <= 256);
        }
        return md.toString();
    }

    /** Issue 16: the string-parameter path no slower than JNI, metrics on at most 5 ns per call. */
    private void hotPath() {
        double serviceLength = calls.ratioToJni(CallPath.SERVICE_OFF, "length");
        row("issue 16: typed service, length(string) ≤ 1.0× JNI", serviceLength, Format.ratio(serviceLength),
                v -> v <= 1.0);
        double functionLength = calls.ratioToJni(CallPath.FUNCTION_TYPED, "length");
        row("issue 16: NativeFunction typed adapter, length(string) ≤ 1.0× JNI", functionLength,
                Format.ratio(functionLength), v -> v <= 1.0);
        for (String function : new String[] {"add", "noop"}) {
            double overhead = calls.median(CallPath.SERVICE_ON, function) - calls.median(CallPath.SERVICE_OFF, function);
            row("issue 16: metrics on − metrics off, " + function + " ≤ 5 ns", overhead, Format.ns(overhead) + " ns",
                    v -> v <= 5);
        }
        ffm();
    }

    /** Issue 16 on the FFM backend (Java 22+): the typed service against raw FFM and JNI. */
    private void ffm() {
        double typed = calls.median(CallPath.FFM_SERVICE_OFF, "add") / calls.median(CallPath.FFM_RAW, "add");
        row("issue 16: typed add on FFM ≤ 1.1× raw FFM downcallHandle", typed, Format.ratio(typed), v -> v <= 1.1);
        double leaf = calls.ratioToJni(CallPath.FFM_SERVICE_LEAF, "add");
        row("issue 16: leaf typed add on FFM ≤ 0.5× JNI", leaf, Format.ratio(leaf), v -> v <= 0.5);
        double length = calls.ratioToJni(CallPath.FFM_SERVICE_OFF, "length");
        row("issue 16: typed service on FFM, length(string) ≤ 1.0× JNI", length, Format.ratio(length), v -> v <= 1.0);
        double overhead = calls.median(CallPath.FFM_SERVICE_ON, "add") - calls.median(CallPath.FFM_SERVICE_OFF, "add");
        row("issue 16: metrics on − metrics off on FFM, add ≤ 5 ns", overhead, Format.ns(overhead) + " ns", v -> v <= 5);
    }

    private void row(String target, double value, String shown, java.util.function.DoublePredicate met) {
        String verdict = Double.isNaN(value) ? "not measured" : met.test(value) ? "met" : "**missed**";
        md.append("| ").append(target).append(" | ").append(Double.isNaN(value) ? "–" : shown)
                .append(" | ").append(verdict).append(" |\n");
    }
}
