package io.nativebundle.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import io.nativebundle.benchmarks.report.Machine;

/**
 * The benchmarks of libraries that run out of process (issue 17), in one JMH run: the isolated
 * typed {@code add} ({@code calls.IsolatedBench}) next to a Unix-domain-socket round trip
 * ({@code calls.SocketBench}); latency of one caller (p50, p99) and throughput of one and two
 * callers. Prints a Markdown table, also written to {@code target/isolation-results.md}.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.nativebundle.benchmarks.IsolationBench
 * </pre>
 */
public final class IsolationBench {

    /** go-plugin's published cost of one call over RPC, uberswe/go-plugin-benchmark. */
    static final double GO_PLUGIN_NANOS = 42_000;

    private IsolationBench() {
    }

    public static void main(String[] args) throws Exception {
        Machine machine = Machine.current();
        System.out.println("[bench] " + machine.describe() + "; load average " + machine.loadAverage());
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g",
                "-D" + BenchPaths.TARGET_PROPERTY + "=" + BenchPaths.target()));
        flags.addAll(BenchPaths.jvmFlags());
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("^io\\.nativebundle\\.benchmarks\\.calls\\.(IsolatedBench|SocketBench)\\.")
                .jvmArgsAppend(flags.toArray(new String[0]))
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Statistics> byName = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    r.getPrimaryResult().getStatistics());
        }
        String markdown = table(machine, byName);
        Path out = BenchPaths.target().resolve("isolation-results.md");
        Files.writeString(out, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("[bench] written to " + out);
    }

    static String table(Machine machine, Map<String, Statistics> r) {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ").append(machine.describe()).append("; load average ").append(machine.loadAverage())
                .append("\n\n");
        b.append("| path | p50 | p99 | calls/s, 1 caller | calls/s, 2 callers | 2 callers / 1 | go-plugin's 42 µs / p50 |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        row(b, "isolated typed service `add(int,int)`", r, "IsolatedBench");
        row(b, "Unix-domain socket round trip", r, "SocketBench");
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Map<String, Statistics> r, String bench) {
        Statistics latency = r.get(bench + ".add_latency");
        Statistics one = r.get(bench + ".add_throughput_1caller");
        Statistics two = r.get(bench + ".add_throughput_2callers");
        double p50 = latency.getPercentile(50);
        b.append("| ").append(label)
                .append(" | ").append(micros(p50))
                .append(" | ").append(micros(latency.getPercentile(99)))
                .append(" | ").append(String.format(Locale.ROOT, "%,.0f", one.getMean()))
                .append(" | ").append(String.format(Locale.ROOT, "%,.0f", two.getMean()))
                .append(" | ").append(String.format(Locale.ROOT, "%.2f×", two.getMean() / one.getMean()))
                .append(" | ").append(String.format(Locale.ROOT, "%.0f×", GO_PLUGIN_NANOS / p50))
                .append(" |\n");
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.2f µs", nanos / 1000);
    }
}
