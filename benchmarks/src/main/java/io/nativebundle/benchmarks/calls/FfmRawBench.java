package io.nativebundle.benchmarks.calls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.nativebundle.benchmarks.BenchPaths;

/**
 * Raw FFM (Java 22+) on the math library, outside any framework: the floor the FFM backend is
 * measured against. {@code downcall} is {@code Linker.downcallHandle}; {@code critical} adds
 * {@code Linker.Option.critical(false)}, what a {@code @NativeLeaf} method gets. The handles are
 * {@code static final}, and {@code length} copies its string into a confined arena per call, as
 * the backend does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FfmRawBench {

    /** Loaded on the first benchmark of this class only: on Java 17 the runner never gets here. */
    private static final class Handles {
        static final FfmHandles FFM = FfmHandles.of(BenchPaths.mathLibrary());
        static final MethodHandle ADD = FFM.downcall("add", false, int.class, int.class, int.class);
        static final MethodHandle NOOP = FFM.downcall("noop", false, void.class);
        static final MethodHandle LENGTH = FFM.downcall("length", false, int.class, Object.class)
                .asType(MethodType.methodType(int.class, Object.class));
        static final MethodHandle ADD_CRITICAL = FFM.downcall("add", true, int.class, int.class, int.class);
        static final MethodHandle NOOP_CRITICAL = FFM.downcall("noop", true, void.class);
        static final MethodHandle LENGTH_CRITICAL = FFM.downcall("length", true, int.class, Object.class)
                .asType(MethodType.methodType(int.class, Object.class));
        static final MethodHandle CONFINED = FfmHandles.newArena(false);
        static final MethodHandle STRING = FFM.allocateString();
    }

    @Benchmark
    public int add_downcall(CallArgs args) throws Throwable {
        return (int) Handles.ADD.invokeExact(args.a, args.b);
    }

    @Benchmark
    public void noop_downcall() throws Throwable {
        Handles.NOOP.invokeExact();
    }

    @Benchmark
    public int length_downcall(CallArgs args) throws Throwable {
        return length(Handles.LENGTH, args.text);
    }

    @Benchmark
    public int add_critical(CallArgs args) throws Throwable {
        return (int) Handles.ADD_CRITICAL.invokeExact(args.a, args.b);
    }

    @Benchmark
    public void noop_critical() throws Throwable {
        Handles.NOOP_CRITICAL.invokeExact();
    }

    @Benchmark
    public int length_critical(CallArgs args) throws Throwable {
        return length(Handles.LENGTH_CRITICAL, args.text);
    }

    private static int length(MethodHandle length, String text) throws Throwable {
        try (AutoCloseable call = (AutoCloseable) Handles.CONFINED.invokeExact()) {
            return (int) length.invokeExact((Object) Handles.STRING.invokeExact(call, text));
        }
    }
}
