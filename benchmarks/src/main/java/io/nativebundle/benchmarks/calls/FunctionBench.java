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
 * The {@code NativeFunction} services of add, noop and length, looked up by name: the typed
 * adapters ({@code asIntBinaryOperator()}, {@code asRunnable()}, {@code asStringToIntFunction()})
 * and {@code invoke(Object...)}, metrics off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FunctionBench {

    @State(Scope.Benchmark)
    public static class Typed extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(false);
            use("NativeFunction typed adapter", framework.typedView("intBinary", "add"),
                    framework.typedView("runnable", "noop"), framework.typedView("stringToInt", "length"));
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @State(Scope.Benchmark)
    public static class Invoke extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(false);
            Object calls = framework.invokeCalls();
            use("NativeFunction invoke", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public int add_typed(Typed s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    public void noop_typed(Typed s) {
        s.noop.run();
    }

    @Benchmark
    public int length_typed(Typed s, CallArgs args) {
        return s.length.applyAsInt(args.text);
    }

    @Benchmark
    public int add_invoke(Invoke s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    public void noop_invoke(Invoke s) {
        s.noop.run();
    }

    @Benchmark
    public int length_invoke(Invoke s, CallArgs args) {
        return s.length.applyAsInt(args.text);
    }
}
