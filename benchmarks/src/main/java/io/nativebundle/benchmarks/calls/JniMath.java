package io.nativebundle.benchmarks.calls;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.UnavailableException;

/**
 * The hand-written JNI binding of the math functions and of the C ABI baselines of issue 15
 * (src/main/c/jnimath.c).
 */
public final class JniMath {

    private static boolean loaded;

    private JniMath() {
    }

    public static native int add(int a, int b);

    public static native void noop();

    public static native int length(String text);

    /**
     * libc's {@code clock_gettime(clock, &ts)}: the struct's {@code tv_sec} and {@code tv_nsec}
     * land in {@code out[0]} and {@code out[1]}.
     */
    public static native int clockGettime(int clock, long[] out);

    /** {@code point_add(a, b)} of two {@code struct point}s by value; the result's x and y land in {@code out[0]} and {@code out[1]}. */
    public static native void pointAdd(int ax, int ay, int bx, int by, int[] out);

    /** abitest's {@code next_u32(v)}: {@code (v + 1) mod 2^32}, the unsigned int in a {@code long}. */
    public static native long nextU32(long v);

    /** abitest's {@code sum_ints(values, n)}: the array read by C (critical access, not copied back). */
    public static native long sumInts(int[] values, int n);

    /** abitest's {@code fill_doubles(values, n, x)}: the array written by C. */
    public static native void fillDoubles(double[] values, int n, double x);

    /** abitest's {@code divmod(a, b, &quot, &rem, &ratio)}: each out-parameter lands in element 0 of its array. */
    public static native int divmod(int a, int b, int[] quot, long[] rem, double[] ratio);

    /** abitest's {@code fail_with(e)}: errno is saved on this thread, as {@code @SaveError} does, for {@link #lastErrno()}. */
    public static native int failWith(int e);

    /** The errno the last {@link #failWith} of this thread saved. */
    public static native int lastErrno();

    /** A comparator of two elements given by their addresses, as C's qsort hands them over. */
    @FunctionalInterface
    public interface AddressComparator {
        int compare(long a, long b);
    }

    /** The address of a direct buffer's memory (JNI's GetDirectBufferAddress). */
    public static native long address(ByteBuffer direct);

    /** libc's {@code qsort_r} over the first {@code count} ints of a direct buffer, calling {@code comparator} back. */
    public static native void qsortInts(ByteBuffer ints, int count, AddressComparator comparator);

    /** Loads {@code libjnimath.so}; it exists on linux/x86-64 only. */
    public static synchronized void load() throws UnavailableException {
        if (loaded) {
            return;
        }
        Path library = BenchPaths.jniLibrary();
        if (!Files.isRegularFile(library)) {
            throw new UnavailableException("the JNI stub " + library + " was not built (linux/x86-64 only; this is "
                    + System.getProperty("os.arch") + ")");
        }
        System.load(library.toString());
        loaded = true;
    }
}
