package io.nativebundle.benchmarks.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import io.nativebundle.benchmarks.osgi.LibcInFramework;

/**
 * The C ABI shapes of issue 15 against hand-written JNI, in the same run: a struct filled through
 * a pointer ({@code clock_gettime(CLOCK_MONOTONIC, &ts)}), and {@code qsort} of 10,000 random ints
 * with a Java comparator (an upcall per comparison) that reads both elements by address from the
 * same direct buffer (each sort first copies the same random order back in, 40 KB, on both paths).
 * {@code NativeFunction} goes through a descriptor over the host's libc in a
 * framework, on jnr ({@code _function}) and on the FFM backend ({@code _ffm}, Java 22+); JNI through
 * src/main/c/jnimath.c ({@code qsort_r} calling {@code CallIntMethod}).
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
        }
    }

    /** libc's {@code NativeFunction}s in a framework; a subclass says on which backend. */
    public abstract static class Libc {
        final ByteBuffer memory = ints();
        LibcInFramework framework;
        LongSupplier clock;
        IntConsumer qsort;

        void start(boolean ffm, String path) throws Exception {
            framework = LibcInFramework.start(ffm);
            Object calls = framework.abiCalls(memory);
            clock = (LongSupplier) calls;
            qsort = (IntConsumer) calls;
            verifyClock(path, clock);
            refill(memory);
            qsort.accept(SORTED);
            verifySorted(path, memory);
        }

        @TearDown
        public void tearDown() {
            if (framework != null) {
                framework.close();
                framework = null;
            }
        }
    }

    /** On the jnr backend. */
    @State(Scope.Thread)
    public static class Function extends Libc {
        @Setup
        public void setUp() throws Exception {
            start(false, "NativeFunction");
        }
    }

    /** The same {@code NativeFunction}s with the loader on the FFM backend (Java 22+). */
    @State(Scope.Thread)
    public static class Ffm extends Libc {
        @Setup
        public void setUp() throws Exception {
            start(true, "NativeFunction on FFM");
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
    public long structByPointer_ffm(Ffm ffm) {
        return ffm.clock.getAsLong();
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
    public void qsort10k_ffm(Ffm ffm) {
        refill(ffm.memory);
        ffm.qsort.accept(SORTED);
    }
}
