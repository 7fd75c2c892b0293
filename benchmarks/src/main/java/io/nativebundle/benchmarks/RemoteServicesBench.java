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
 * The benchmark of native services across machines (issue 20), in one JMH run: the typed
 * {@code add} imported through OSGi Remote Services from a framework in a child JVM on loopback
 * ({@code calls.RemoteBench}) next to the same service in process. Prints a Markdown table with
 * the load average, also written to {@code target/remote-results.md}.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.nativebundle.benchmarks.RemoteServicesBench
 * </pre>
 */
public final class RemoteServicesBench {

    private RemoteServicesBench() {
    }

    public static void main(String[] args) throws Exception {
        Machine machine = Machine.current();
        System.out.println("[bench] " + machine.describe() + "; load average " + machine.loadAverage());
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g",
                "-D" + BenchPaths.TARGET_PROPERTY + "=" + BenchPaths.target(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        flags.addAll(BenchPaths.jvmFlags());
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("^io\\.nativebundle\\.benchmarks\\.calls\\.RemoteBench\\.")
                .jvmArgsAppend(flags.toArray(new String[0]))
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Statistics> byName = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getStatistics());
        }
        String markdown = table(machine, Machine.current().loadAverage(), byName);
        Path out = BenchPaths.target().resolve("remote-results.md");
        Files.writeString(out, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("[bench] written to " + out);
    }

    static String table(Machine before, String loadAfter, Map<String, Statistics> r) {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ").append(before.describe()).append("; load average ").append(before.loadAverage())
                .append(" before, ").append(loadAfter).append(" after\n\n");
        b.append("| path | p50 | p99 | calls/s, 1 caller | calls/s, 2 callers |\n");
        b.append("|---|---|---|---|---|\n");
        row(b, "typed service `add(int,int)`, in process", r, "inprocess");
        row(b, "typed service `add(int,int)`, imported from a framework in another JVM on loopback", r, "remote");
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Map<String, Statistics> r, String path) {
        Statistics latency = r.get(path + "_add_latency");
        Statistics one = r.get(path + "_add_throughput_1caller");
        Statistics two = r.get(path + "_add_throughput_2callers");
        b.append("| ").append(label)
                .append(" | ").append(micros(latency.getPercentile(50)))
                .append(" | ").append(micros(latency.getPercentile(99)))
                .append(" | ").append(String.format(Locale.ROOT, "%,.0f", one.getMean()))
                .append(" | ").append(two == null ? "–" : String.format(Locale.ROOT, "%,.0f", two.getMean()))
                .append(" |\n");
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.3f µs", nanos / 1000);
    }
}
