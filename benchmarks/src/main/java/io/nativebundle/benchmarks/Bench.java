package io.nativebundle.benchmarks;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.nativebundle.benchmarks.lifecycle.LifecycleResults;
import io.nativebundle.benchmarks.lifecycle.LifecycleRunner;
import io.nativebundle.benchmarks.report.AbiTable;
import io.nativebundle.benchmarks.report.CallPath;
import io.nativebundle.benchmarks.report.Machine;
import io.nativebundle.benchmarks.report.Report;
import io.nativebundle.benchmarks.report.Sample;
import io.nativebundle.benchmarks.report.TypedShapeTable;

/**
 * Runs every benchmark of issue 8 and prints the results tables: first which call paths this
 * build offers, then all available call-overhead benchmarks in one JMH run, then the lifecycle
 * measurements, each in a JVM of its own. The Markdown goes to stdout and to
 * {@code target/bench-results.md}.
 *
 * <pre>
 * mvn -B -pl benchmarks -Pbench verify            # or: java -jar benchmarks/target/benchmarks.jar
 * java -jar benchmarks/target/benchmarks.jar --help
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        if (options.help) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        Machine machine = Machine.current();
        System.out.println("[bench] " + machine.describe() + "; load average " + machine.loadAverage());
        System.out.println("[bench] checking which call paths this build offers ...");
        Availability availability = Availability.check();
        availability.unavailable().forEach((path, reason) ->
                System.out.println("[bench]   unavailable: " + path.label() + ": " + reason));
        System.out.println("[bench]   typed service object: " + availability.serviceClass());

        Map<String, Sample> samples = options.calls ? calls(options, availability) : Map.of();
        LifecycleResults lifecycle = options.lifecycle
                ? LifecycleRunner.run(options.installWarmup, options.installs, options.sizes, options.coldStarts)
                : null;

        Pattern include = options.include == null ? null : Pattern.compile(options.include);
        String markdown = new Report(machine, command(args), options.describeJmh(), availability, samples, lifecycle,
                name -> options.calls && (include == null || include.matcher(name).find())).markdown();
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        Files.writeString(options.out, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("[bench] written to " + options.out);
        deleteWork();
    }

    private static Map<String, Sample> calls(BenchOptions options, Availability availability) throws RunnerException {
        List<String> includes = new ArrayList<>();
        for (CallPath path : CallPath.values()) {
            if (availability.available(path)) {
                includes.add(path.includePattern());
            }
        }
        // the C ABI shapes (issue 15); without the JNI stub its half fails alone and shows as not measured
        includes.add(AbiTable.INCLUDE);
        // the typed shapes of issue 16, the same way; below Java 22 the FFM half fails alone
        includes.add(TypedShapeTable.INCLUDE);
        TimeValue time = TimeValue.milliseconds(options.timeMillis);
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(String.join("|", includes))
                .mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
                .forks(options.forks)
                .warmupIterations(options.warmup).warmupTime(time)
                .measurementIterations(options.iterations).measurementTime(time)
                .jvmArgsAppend(forkFlags())
                .shouldFailOnError(false);
        if (options.include != null) {
            jmh.exclude("^(?!.*(" + options.include + ")).*$");
        }
        Collection<RunResult> results = new Runner(jmh.build()).run();
        return Sample.of(results);
    }

    private static String[] forkFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g",
                "-D" + BenchPaths.TARGET_PROPERTY + "=" + BenchPaths.target()));
        flags.addAll(BenchPaths.jvmFlags());
        return flags.toArray(new String[0]);
    }

    private static String command(String[] args) {
        String joined = String.join(" ", args);
        if (Boolean.getBoolean("nativebundle.bench.maven")) {
            return "mvn -B -pl benchmarks -Pbench verify" + (joined.isEmpty() ? "" : " -Dbench.args=\"" + joined + "\"");
        }
        return ("java -jar benchmarks/target/benchmarks.jar " + joined).trim();
    }

    private static void deleteWork() {
        Folders.delete(BenchPaths.target().resolve("bench-work"));
    }
}
