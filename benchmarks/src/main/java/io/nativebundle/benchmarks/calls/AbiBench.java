package io.nativebundle.benchmarks.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

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

import io.nativebundle.benchmarks.UnavailableException;
import io.nativebundle.benchmarks.osgi.AbitestInFramework;
import io.nativebundle.benchmarks.osgi.LibcInFramework;

/**
 * The C ABI shapes of issue 15 against hand-written JNI, in the same run: a struct filled through
 * a pointer ({@code clock_gettime(CLOCK_MONOTONIC, &ts)}), and {@code qsort} of 10,000 random ints
 * with a Java comparator (an upcall per comparison) that reads both elements by address from the
 * same direct buffer (each sort first copies the same random order back in, 40 KB, on both paths).
 * {@code NativeFunction} goes through a descriptor over the host's libc in a
 * framework, on the loader's default backend ({@code _function}: jnr on Java 17, the FFM fragment
 * is not installed there) and, on Java 22+, on the FFM backend ({@code _ffm}); JNI through
 * src/main/c/jnimath.c ({@code qsort_r} calling {@code CallIntMethod}).
 * And a struct by value as parameters and result, abitest's {@code point_add}: through its typed
 * interface ({@code @ByValue}, routed through the function's invoker), its {@code NativeFunction}
 * service and JNI (the fields as ints in, an {@code int[2]} out); on Java 22+ both again on the
 * FFM backend ({@code _typedFfm}; {@code _ffm} for {@code NativeFunction}, as for the others).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AbiBench {

    static final int CLOCK_MONOTONIC = 1;
    static final int SORTED = 10_000;
    /** What every sort starts from: the same 10,000 random ints on both paths. */
    static final int[] VALUES = new Random(15).ints(SORTED).toArray();

    /** A direct buffer (native order) of {@link #SORTED} ints. */
    static ByteBuffer ints() {
        return ByteBuffer.allocateDirect(4 * SORTED).order(ByteOrder.nativeOrder());
    }

    /** Puts {@link #VALUES} back into {@code memory}: every sort sorts the same random order. */
    static void refill(ByteBuffer memory) {
        memory.asIntBuffer().put(VALUES);
    }

    static void verifySorted(String path, ByteBuffer memory) {
        int[] sorted = VALUES.clone();
        Arrays.sort(sorted);
        int[] actual = new int[SORTED];
        memory.asIntBuffer().get(actual);
        if (!Arrays.equals(sorted, actual)) {
            throw new IllegalStateException(path + ": qsort did not sort as Arrays.sort does");
        }
    }

    @State(Scope.Thread)
    public static class Jni {
        final long[] timespec = new long[2];
        final int[] point = new int[2];
        final ByteBuffer memory = ints();
        JniMath.AddressComparator comparator;

        @Setup
        public void setUp() throws UnavailableException {
            JniMath.load();
            long address = JniMath.address(memory);
            comparator = (a, b) -> Integer.compare(memory.getInt((int) (a - address)),
                    memory.getInt((int) (b - address)));
            verifyClock("JNI", () -> {
                JniMath.clockGettime(CLOCK_MONOTONIC, timespec);
                return timespec[0] * 1_000_000_000L + timespec[1];
            });
            refill(memory);
            JniMath.qsortInts(memory, SORTED, comparator);
            verifySorted("JNI", memory);
            verifyPointAdd("JNI", (x, y) -> {
                JniMath.pointAdd(x, y, 1, 2, point);
                return point[0] + point[1];
            });
        }
    }

    /** abitest in a framework: {@code point_add} through the typed interface and its {@code NativeFunction}. */
    @State(Scope.Thread)
    public static class ByValue {
        AbitestInFramework framework;
        IntBinaryOperator typed;
        IntBinaryOperator function;
        int x;

        @Setup
        public void setUp() throws Exception {
            framework = start();
            Object calls = framework.pointCalls();
            typed = (IntBinaryOperator) calls.getClass().getMethod("typed").invoke(calls);
            function = (IntBinaryOperator) calls.getClass().getMethod("function").invoke(calls);
            verifyPointAdd("typed", typed);
            verifyPointAdd("NativeFunction", function);
        }

        AbitestInFramework start() throws Exception {
            return AbitestInFramework.start();
        }

        @TearDown
        public void tearDown() {
            if (framework != null) {
                framework.close();
                framework = null;
            }
        }
    }

    /** {@link ByValue} with the loader's FFM backend (Java 22+): the routed method calls an FFM invoker. */
    @State(Scope.Thread)
    public static class FfmByValue extends ByValue {
        @Override
        AbitestInFramework start() throws Exception {
            return AbitestInFramework.startOnFfm();
        }
    }

    /** A point_add path must add (1, 2) to its point: x + 1 + y + 2. */
    static void verifyPointAdd(String path, IntBinaryOperator add) {
        int sum = add.applyAsInt(40, -7);
        if (sum != 40 + 1 - 7 + 2) {
            throw new IllegalStateException(path + ": point_add((40, -7), (1, 2)) summed to " + sum + ", not 36");
        }
    }

    @State(Scope.Thread)
    public static class Function {
        final ByteBuffer memory = ints();
        LibcInFramework framework;
        LongSupplier clock;
        IntConsumer qsort;

        @Setup
        public void setUp() throws Exception {
            framework = start();
            Object calls = framework.abiCalls(memory);
            clock = (LongSupplier) calls;
            qsort = (IntConsumer) calls;
            verifyClock(path(), clock);
            refill(memory);
            qsort.accept(SORTED);
            verifySorted(path(), memory);
        }

        LibcInFramework start() throws Exception {
            return LibcInFramework.start();
        }

        String path() {
            return "NativeFunction";
        }

        @TearDown
        public void tearDown() {
            if (framework != null) {
                framework.close();
                framework = null;
            }
        }
    }

    /** {@link Function} with the loader's FFM backend (Java 22+). */
    @State(Scope.Thread)
    public static class FfmFunction extends Function {
        @Override
        LibcInFramework start() throws Exception {
            return LibcInFramework.startOnFfm();
        }

        @Override
        String path() {
            return "NativeFunction on FFM";
        }
    }

    /** A clock path must give CLOCK_MONOTONIC's time: never backwards, and what Java's nanoTime is near. */
    static void verifyClock(String path, LongSupplier clock) {
        long first = clock.getAsLong();
        long second = clock.getAsLong();
        long java = System.nanoTime();
        if (second < first || Math.abs(java - second) > TimeUnit.SECONDS.toNanos(1)) {
            throw new IllegalStateException(path + ": clock_gettime(CLOCK_MONOTONIC) gave " + first + " then "
                    + second + ", System.nanoTime() " + java);
        }
    }

    @Benchmark
    public long structByPointer_jni(Jni jni) {
        JniMath.clockGettime(CLOCK_MONOTONIC, jni.timespec);
        return jni.timespec[1];
    }

    @Benchmark
    public long structByPointer_function(Function function) {
        return function.clock.getAsLong();
    }

    @Benchmark
    public long structByPointer_ffm(FfmFunction function) {
        return function.clock.getAsLong();
    }

    @Benchmark
    public int structByValue_jni(Jni jni) {
        JniMath.pointAdd(jni.point[0], 7, 1, 2, jni.point);
        return jni.point[1];
    }

    @Benchmark
    public int structByValue_typed(ByValue state) {
        return state.typed.applyAsInt(state.x++, 7);
    }

    @Benchmark
    public int structByValue_function(ByValue state) {
        return state.function.applyAsInt(state.x++, 7);
    }

    @Benchmark
    public int structByValue_typedFfm(FfmByValue state) {
        return state.typed.applyAsInt(state.x++, 7);
    }

    @Benchmark
    public int structByValue_ffm(FfmByValue state) {
        return state.function.applyAsInt(state.x++, 7);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void qsort10k_jni(Jni jni) {
        refill(jni.memory);
        JniMath.qsortInts(jni.memory, SORTED, jni.comparator);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void qsort10k_function(Function function) {
        refill(function.memory);
        function.qsort.accept(SORTED);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void qsort10k_ffm(FfmFunction function) {
        refill(function.memory);
        function.qsort.accept(SORTED);
    }
}
