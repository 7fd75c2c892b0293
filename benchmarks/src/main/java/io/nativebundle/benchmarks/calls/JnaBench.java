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
import org.openjdk.jmh.annotations.Warmup;

/** JNA, direct mapping ({@code Native.register}) and interface mapping ({@code Native.load}). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JnaBench {

    @State(Scope.Benchmark)
    public static class Direct {
        @Setup
        public void setUp() {
            JnaDirectMath.register();
            CallArgs.verify("JNA direct", JnaDirectMath::add, JnaDirectMath::noop, JnaDirectMath::length);
        }
    }

    @State(Scope.Benchmark)
    public static class Interface {
        public JnaMath math;

        @Setup
        public void setUp() {
            math = JnaMath.load();
            CallArgs.verify("JNA interface", math::add, math::noop, math::length);
        }
    }

    @Benchmark
    public int add_direct(Direct s, CallArgs args) {
        return JnaDirectMath.add(args.a, args.b);
    }

    @Benchmark
    public void noop_direct(Direct s) {
        JnaDirectMath.noop();
    }

    @Benchmark
    public int length_direct(Direct s, CallArgs args) {
        return JnaDirectMath.length(args.text);
    }

    @Benchmark
    public int add_interface(Interface s, CallArgs args) {
        return s.math.add(args.a, args.b);
    }

    @Benchmark
    public void noop_interface(Interface s) {
        s.math.noop();
    }

    @Benchmark
    public int length_interface(Interface s, CallArgs args) {
        return s.math.length(args.text);
    }
}
