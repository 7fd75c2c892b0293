package io.nativebundle.benchmarks.calls;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.nativebundle.benchmarks.osgi.MathInFramework;

/**
 * The typed {@code MathLib} service of the math bundle, from an embedded Felix with the loader,
 * called from a consumer bundle's class through the interface, as a consumer would: with
 * whatever guard the loader registers, metrics off and on, and with {@code add}, {@code noop} and
 * {@code length} declared leaves ({@code leaf=true}; jnr calls a leaf as any function, so this is
 * the control of {@link FfmServiceBench}'s leaf benchmarks).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ServiceBench {

    @State(Scope.Benchmark)
    public static class MetricsOff extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(false);
            Object calls = framework.typedService();
            use("typed service, metrics off", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @State(Scope.Benchmark)
    public static class MetricsOn extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(true);
            Object calls = framework.typedService();
            use("typed service, metrics on", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            if (framework.countedCalls("add") <= 0 && framework.countedCalls("noop") <= 0
                    && framework.countedCalls("length") <= 0) {
                System.err.println("[bench] metrics were switched on, but NativeMetrics counted no calls of math");
            }
            close();
        }
    }

    /** The math bundle with add, noop and length declared leaves ({@code leaf=true}), metrics off. */
    @State(Scope.Benchmark)
    public static class Leaves extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.startWithLeaves(false);
            Object calls = framework.typedService();
            use("typed service, leaves declared", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public int add_metricsOff(MetricsOff s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    public void noop_metricsOff(MetricsOff s) {
        s.noop.run();
    }

    @Benchmark
    public int length_metricsOff(MetricsOff s, CallArgs args) {
        return s.length.applyAsInt(args.text);
    }

    @Benchmark
    public int add_metricsOn(MetricsOn s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    public void noop_metricsOn(MetricsOn s) {
        s.noop.run();
    }

    @Benchmark
    public int length_metricsOn(MetricsOn s, CallArgs args) {
        return s.length.applyAsInt(args.text);
    }

    @Benchmark
    public int add_leaf(Leaves s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    public void noop_leaf(Leaves s) {
        s.noop.run();
    }

    @Benchmark
    public int length_leaf(Leaves s, CallArgs args) {
        return s.length.applyAsInt(args.text);
    }
}
