package io.nativebundle.benchmarks.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import io.nativebundle.benchmarks.Availability;
import io.nativebundle.benchmarks.lifecycle.LifecycleResults;

/**
 * The results of one run as Markdown: machine, command, call-overhead medians with their ratio
 * to JNI, the spread behind them, the lifecycle tables and the targets of issue 8. Printed at
 * the end of the run and written to {@code target/bench-results.md}, ready for
 * {@code docs/performance.md}.
 */
public final class Report {

    private final Machine machine;
    private final String command;
    private final String settings;
    private final Availability availability;
    private final Map<String, Sample> samples;
    private final LifecycleResults lifecycle;
    private final Predicate<String> requested;

    /**
     * @param samples   the call benchmarks' samples, empty when they did not run
     * @param lifecycle the lifecycle results, null when they did not run
     * @param requested whether a call benchmark was asked for
     */
    public Report(Machine machine, String command, String settings, Availability availability,
                  Map<String, Sample> samples, LifecycleResults lifecycle, Predicate<String> requested) {
        this.requested = requested;
        this.machine = machine;
        this.command = command;
        this.settings = settings;
        this.availability = availability;
        this.samples = samples;
        this.lifecycle = lifecycle;
    }

    public String markdown() {
        CallTables calls = new CallTables(samples, availability, requested);
        LifecycleTables tables = lifecycle == null ? null : new LifecycleTables(lifecycle);
        StringBuilder md = new StringBuilder();
        md.append("## Results of ").append(LocalDate.now()).append("\n\n");
        md.append("- Machine: ").append(machine.describe()).append("; load average at start ")
                .append(machine.loadAverage()).append(", at end ").append(Machine.current().loadAverage())
                .append(" (1, 5 and 15 minute averages; above ").append(machine.processors())
                .append(" means the run shared the cores)\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Settings: ").append(settings).append('\n');
        md.append("- Typed `MathLib` service object: `").append(availability.serviceClass()).append('`')
                .append(availability.bareBinding() ? " — the bare jnr-ffi binding, no guard yet" : "").append("\n\n");
        if (!samples.isEmpty()) {
            md.append("### Call overhead (median ns/op; ratio to JNI in the same run)\n\n");
            md.append(calls.medians()).append('\n');
            String unavailable = calls.unavailable();
            if (!unavailable.isEmpty()) {
                md.append("Unavailable in this build:\n\n").append(unavailable).append('\n');
            }
            md.append("<details><summary>Spread behind the medians</summary>\n\n")
                    .append(calls.details()).append("\n</details>\n\n");
            AbiTable abi = new AbiTable(samples);
            if (abi.measured()) {
                md.append("### C ABI calls (issue 15; median, same run)\n\n").append(abi.table()).append('\n');
            }
            TypedShapeTable typedShapes = new TypedShapeTable(samples);
            if (typedShapes.measured()) {
                md.append("### Typed shapes on both backends (issue 16; median, same run)\n\n")
                        .append(typedShapes.table()).append('\n');
            }
        }
        if (tables != null) {
            md.append("### Install to service\n\n").append(tables.install()).append('\n');
            md.append("### N native bundles in one framework\n\n").append(tables.scale()).append('\n');
            md.append("### Cold start\n\n").append(tables.coldStart()).append('\n');
        }
        md.append("### Targets\n\n").append(new Targets(calls, tables, availability).table());
        return md.toString();
    }
}
