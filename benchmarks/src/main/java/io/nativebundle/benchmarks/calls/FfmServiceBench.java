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
 * {@link ServiceBench} on the FFM backend (Java 22+): the same typed {@code MathLib} service from a
 * consumer bundle, with the loader's FFM fragment attached and {@code io.nativebundle.backend=ffm}.
 * {@code add}, {@code noop} and {@code length(String)} are all FFM downcalls of the generated
 * binding; the string goes through the calling thread's {@code FfmScratch}. The {@code _leaf}
 * benchmarks call a copy of the math bundle that declares the three functions leaves
 * ({@code leaf=true}), so the typed methods are critical downcalls, as {@code @NativeLeaf} makes them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FfmServiceBench {

    @State(Scope.Benchmark)
    public static class MetricsOff extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.startOnFfm(false);
            Object calls = framework.typedService();
            use("typed service on FFM, metrics off", calls, calls, calls);
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
            framework = MathInFramework.startOnFfm(true);
            Object calls = framework.typedService();
            use("typed service on FFM, metrics on", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    /** The math bundle with add, noop and length declared leaves ({@code leaf=true}), metrics off. */
    @State(Scope.Benchmark)
    public static class Leaves extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.startWithLeaves(true);
            Object calls = framework.typedService();
            use("typed service on FFM, leaves declared", calls, calls, calls);
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
