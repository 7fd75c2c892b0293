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

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.examples.math.MathLib;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/**
 * Raw jnr-ffi on the class path, outside any framework: the default binding (errno saved after
 * every call) and the binding the loader makes ({@code IgnoreError}, {@code LoadNow}), so that
 * the service figures minus {@code ignoreError} are what nativebundle itself adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JnrBench {

    @State(Scope.Benchmark)
    public static class Default {
        public MathLib math;

        @Setup
        public void setUp() {
            math = LibraryLoader.create(MathLib.class).failImmediately().load(BenchPaths.mathLibrary().toString());
            CallArgs.verify("jnr-ffi default", math::add, math::noop, math::length);
        }
    }

    @State(Scope.Benchmark)
    public static class IgnoreError {
        public MathLib math;

        @Setup
        public void setUp() {
            // the options of the loader's LibraryBinder
            math = LibraryLoader.create(MathLib.class).failImmediately()
                    .option(LibraryOption.IgnoreError, true)
                    .option(LibraryOption.LoadNow, true)
                    .load(BenchPaths.mathLibrary().toString());
            CallArgs.verify("jnr-ffi IgnoreError", math::add, math::noop, math::length);
        }
    }

    @Benchmark
    public int add_default(Default s, CallArgs args) {
        return s.math.add(args.a, args.b);
    }

    @Benchmark
    public void noop_default(Default s) {
        s.math.noop();
    }

    @Benchmark
    public int length_default(Default s, CallArgs args) {
        return s.math.length(args.text);
    }

    @Benchmark
    public int add_ignoreError(IgnoreError s, CallArgs args) {
        return s.math.add(args.a, args.b);
    }

    @Benchmark
    public void noop_ignoreError(IgnoreError s) {
        s.math.noop();
    }

    @Benchmark
    public int length_ignoreError(IgnoreError s, CallArgs args) {
        return s.math.length(args.text);
    }
}
