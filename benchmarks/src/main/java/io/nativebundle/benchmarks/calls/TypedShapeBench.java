package io.nativebundle.benchmarks.calls;

import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

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
import io.nativebundle.benchmarks.consumer.TypedShapeCalls;
import io.nativebundle.benchmarks.osgi.AbitestInFramework;

/**
 * The typed interface's shapes that FFM carries itself and jnr through jnr-ffi (issue 16), called
 * on abitest's {@code AbiTest} service by a consumer bundle in a framework, next to hand-written
 * JNI of the same C bodies (src/main/c/jnimath.c) in the same run: an unsigned value
 * ({@code @u_int32_t next_u32}), an array C reads ({@code @In int[]}, {@code sum_ints} over 64),
 * an array C writes ({@code @Out double[]}, {@code fill_doubles} of 64), three out-parameters by
 * reference ({@code divmod}'s {@code IntByReference}, {@code LongLongByReference},
 * {@code DoubleByReference}) and a {@code @SaveError} method ({@code fail_with}, errno saved per
 * library). {@code _jnr} is the service of a framework without the FFM fragment, {@code _ffm} that
 * of a framework with it and {@code io.nativebundle.backend=ffm} (Java 22+); each refuses to run
 * when the service is not its backend's ({@code nativebundle.backend}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TypedShapeBench {

    /** The array calls pass 64 elements on every path (a constant: the consumer class is not loaded here). */
    static final int ELEMENTS = TypedShapeCalls.ELEMENTS;
    /** {@code 1 + 2 + ... + 63}: what {@code sum_ints} adds to the first element. */
    static final int SUM_OF_REST = (ELEMENTS - 1) * ELEMENTS / 2;

    /** The five shapes of one path, as the functional views the benchmarks call. */
    abstract static class Shapes {
        LongUnaryOperator unsigned;
        IntUnaryOperator arrayIn;
        LongSupplier arrayOut;
        IntBinaryOperator byReference;
        IntUnaryOperator saveError;
        int next;

        /** Each shape must give what its C body computes, before anything is measured. */
        void verify(String path) {
            check(path, "next_u32(2^32 - 1)", unsigned.applyAsLong(0xFFFF_FFFFL), 0);
            check(path, "next_u32(41)", unsigned.applyAsLong(41), 42);
            check(path, "sum_ints(7, 1, ..., 63)", arrayIn.applyAsInt(7), 7 + SUM_OF_REST);
            long first = arrayOut.getAsLong();
            check(path, "fill_doubles(.., x)[63] twice", arrayOut.getAsLong() - first, ELEMENTS - 1);
            check(path, "divmod(47, 5): quot + rem", byReference.applyAsInt(47, 5), 9 + 2);
            check(path, "fail_with(33)", saveError.applyAsInt(33), -1);
        }

        private static void check(String path, String call, long actual, long expected) {
            if (actual != expected) {
                throw new IllegalStateException(path + ": " + call + " gave " + actual + ", not " + expected);
            }
        }
    }

    /** Hand-written JNI of the same C bodies. */
    @State(Scope.Thread)
    public static class Jni extends Shapes {
        final int[] ints = new int[ELEMENTS];
        final double[] doubles = new double[ELEMENTS];
        final int[] quot = new int[1];
        final long[] rem = new long[1];
        final double[] ratio = new double[1];
        double x;

        @Setup
        public void setUp() throws UnavailableException {
            JniMath.load();
            for (int i = 0; i < ELEMENTS; i++) {
                ints[i] = i;
            }
            unsigned = JniMath::nextU32;
            arrayIn = first -> {
                ints[0] = first;
                return (int) JniMath.sumInts(ints, ELEMENTS);
            };
            arrayOut = () -> {
                JniMath.fillDoubles(doubles, ELEMENTS, ++x);
                return (long) doubles[ELEMENTS - 1];
            };
            byReference = (a, b) -> {
                JniMath.divmod(a, b, quot, rem, ratio);
                return quot[0] + (int) rem[0];
            };
            saveError = JniMath::failWith;
            verify("JNI");
            if (JniMath.lastErrno() != 33) {
                throw new IllegalStateException("JNI: fail_with(33) saved errno " + JniMath.lastErrno() + ", not 33");
            }
        }
    }

    /** The typed service of a framework without the FFM fragment: jnr-ffi's binding behind the guard. */
    @State(Scope.Thread)
    public static class Jnr extends Shapes {
        AbitestInFramework framework;

        @Setup
        public void setUp() throws Exception {
            framework = start();
            Object calls = framework.typedShapeCalls();
            Class<?> type = calls.getClass();
            unsigned = (LongUnaryOperator) type.getMethod("unsigned").invoke(calls);
            arrayIn = (IntUnaryOperator) type.getMethod("arrayIn").invoke(calls);
            arrayOut = (LongSupplier) type.getMethod("arrayOut").invoke(calls);
            byReference = (IntBinaryOperator) type.getMethod("byReference").invoke(calls);
            saveError = (IntUnaryOperator) type.getMethod("saveError").invoke(calls);
            verify(path());
        }

        AbitestInFramework start() throws Exception {
            return AbitestInFramework.startOnJnr();
        }

        String path() {
            return "typed on jnr";
        }

        @TearDown
        public void tearDown() {
            if (framework != null) {
                framework.close();
                framework = null;
            }
        }
    }

    /** {@link Jnr} with the loader's FFM backend (Java 22+). */
    @State(Scope.Thread)
    public static class Ffm extends Jnr {
        @Override
        AbitestInFramework start() throws Exception {
            return AbitestInFramework.startOnFfm();
        }

        @Override
        String path() {
            return "typed on FFM";
        }
    }

    @Benchmark
    public long unsigned_jni(Jni s) {
        return s.unsigned.applyAsLong(0xFFFF_FFFFL & s.next++);
    }

    @Benchmark
    public long unsigned_jnr(Jnr s) {
        return s.unsigned.applyAsLong(0xFFFF_FFFFL & s.next++);
    }

    @Benchmark
    public long unsigned_ffm(Ffm s) {
        return s.unsigned.applyAsLong(0xFFFF_FFFFL & s.next++);
    }

    @Benchmark
    public int arrayIn_jni(Jni s) {
        return s.arrayIn.applyAsInt(s.next++);
    }

    @Benchmark
    public int arrayIn_jnr(Jnr s) {
        return s.arrayIn.applyAsInt(s.next++);
    }

    @Benchmark
    public int arrayIn_ffm(Ffm s) {
        return s.arrayIn.applyAsInt(s.next++);
    }

    @Benchmark
    public long arrayOut_jni(Jni s) {
        return s.arrayOut.getAsLong();
    }

    @Benchmark
    public long arrayOut_jnr(Jnr s) {
        return s.arrayOut.getAsLong();
    }

    @Benchmark
    public long arrayOut_ffm(Ffm s) {
        return s.arrayOut.getAsLong();
    }

    @Benchmark
    public int byReference_jni(Jni s) {
        return s.byReference.applyAsInt(s.next++, 7);
    }

    @Benchmark
    public int byReference_jnr(Jnr s) {
        return s.byReference.applyAsInt(s.next++, 7);
    }

    @Benchmark
    public int byReference_ffm(Ffm s) {
        return s.byReference.applyAsInt(s.next++, 7);
    }

    @Benchmark
    public int saveError_jni(Jni s) {
        return s.saveError.applyAsInt(1 + (s.next++ & 63));
    }

    @Benchmark
    public int saveError_jnr(Jnr s) {
        return s.saveError.applyAsInt(1 + (s.next++ & 63));
    }

    @Benchmark
    public int saveError_ffm(Ffm s) {
        return s.saveError.applyAsInt(1 + (s.next++ & 63));
    }
}
