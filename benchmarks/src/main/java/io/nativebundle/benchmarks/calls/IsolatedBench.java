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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.nativebundle.benchmarks.osgi.MathInFramework;

/**
 * The typed {@code MathLib} service of the math bundle with {@code isolation=process}: every call
 * crosses into the library's host process through the shared file and back, as a consumer
 * bundle makes it. The latency of one caller (sampled: p50, p99) and the throughput of one and of
 * two callers; {@link SocketBench} measures a Unix-domain-socket round trip in the same run.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IsolatedBench {

    @State(Scope.Benchmark)
    public static class Isolated extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(false, true);
            Object calls = framework.typedService();
            use("typed service, out of process", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int add_latency(Isolated s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public int add_throughput_1caller(Isolated s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public int add_throughput_2callers(Isolated s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }
}
