package io.nativebundle.examples.abitest;

import io.nativebundle.api.ByValue;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.byref.DoubleByReference;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int16_t;
import jnr.ffi.types.u_int32_t;
import jnr.ffi.types.u_int64_t;
import jnr.ffi.types.u_int8_t;

/**
 * The typed interface of the {@code abitest} library: the shapes of the C ABI a typed interface
 * declares with jnr-ffi's annotations. The bnd plugin writes each as its signature, e.g.
 * {@code divmod;signature="(int,int,out int,out long,out double)int"}, so the same functions are
 * also {@code NativeFunction} services. Structs by pointer are {@link Struct} classes whose layout
 * the bnd plugin reads from their class files ({@code shape_make}), callbacks {@code @Delegate}
 * interfaces ({@code call_n}), structs by value the same classes annotated {@link ByValue}
 * ({@code point_add}, in registers; {@code shape_moved}, 32 bytes, in memory), variadic functions
 * methods annotated jnr-ffi's {@link Variadic} with the arguments of one call ({@code sum_var}).
 *
 * <p>An unsigned value travels in a wider Java carrier, so values above the signed maximum
 * arrive intact: {@code next_u8((short) 255)} is {@code 0}.
 */
public interface AbiTest {

    /** {@code (v + 1) mod 2^8}. */
    @u_int8_t short next_u8(@u_int8_t short v);

    /** {@code (v + 1) mod 2^16}. */
    @u_int16_t int next_u16(@u_int16_t int v);

    /** {@code (v + 1) mod 2^32}. */
    @u_int32_t long next_u32(@u_int32_t long v);

    /** {@code (v + 1) mod 2^64}, the 64 bits in a {@code long}. */
    @u_int64_t long next_u64(@u_int64_t long v);

    /** {@code n / 2}, {@code n} unsigned ({@code Long.divideUnsigned}). */
    @size_t long half_size(@size_t long n);

    /** {@code -n}. */
    @ssize_t long negate_ssize(@ssize_t long n);

    /** The sum of the first {@code n} values; C only reads them. */
    long sum_ints(@In int[] values, int n);

    /** Sets {@code values[i] = x * i} for the first {@code n}; C only writes them. */
    void fill_doubles(@Out double[] values, int n, double x);

    /** Doubles the first {@code n} values in place. */
    void twice_longs(long[] values, int n);

    /** Doubles the first {@code n} values in place. */
    void twice_shorts(short[] values, int n);

    /** Doubles the first {@code n} values in place. */
    void twice_floats(float[] values, int n);

    /**
     * C's truncating {@code a / b} and {@code a % b}, and {@code (double) a / b}.
     *
     * @return 0, or -1 for {@code b == 0}, when nothing is written
     */
    int divmod(int a, int b, @Out IntByReference quot, @Out LongLongByReference rem, @Out DoubleByReference ratio);

    /** Adds one to {@code value}. */
    void increment(@In @Out LongLongByReference value);

    /**
     * Sets errno to {@code e}.
     *
     * @return -1, as a failing libc function does
     */
    @SaveError
    int fail_with(int e);

    /** A struct by pointer, written whole by C, 32 bytes with its trailing padding (30 in jnr-ffi). */
    void shape_make(@Out Shape s, int x, int y);

    /** A struct by pointer, read and written: every number in it times {@code f}. */
    void shape_scale(Shape s, int f);

    /** {@code a + b}, field by field: structs by value in two integer registers each. */
    @ByValue
    Point point_add(@ByValue Point a, @ByValue Point b);

    /** {@code p.x}, and {@code p.y} written to {@code y}: a struct by value next to an out-parameter. */
    int point_parts(@ByValue Point p, @Out IntByReference y);

    /**
     * {@code s} with its origin moved by {@code (dx, dy)} and {@code tags[2] = tags[0] + tags[1]}: a
     * nested struct with an array, 32 bytes, passed and returned in memory.
     */
    @ByValue
    Shape shape_moved(@ByValue Shape s, int dx, int dy);

    /**
     * {@code s} with {@code x} added to its running mean; for a NaN {@code x}, {@code s} unchanged
     * and errno {@code EDOM}. 16 bytes of an int and a double.
     */
    @SaveError
    @ByValue
    Sample sample_add(@ByValue Sample s, double x);

    /** C's {@code long sum_var(int n, ...)} called with three longs: {@code a + b + c} for {@code n = 3}. */
    @Variadic(fixedCount = 1)
    long sum_var(int n, long a, long b, long c);

    /** C's {@code double sum_var_doubles(int n, ...)} called with two doubles. */
    @Variadic(fixedCount = 1)
    double sum_var_doubles(int n, double a, double b);

    /** A callback called {@code n} times with 0..n-1: the sum of its results. */
    long call_n(int n, Visitor cb);

    /** {@code int (*)(int)}: a jnr-ffi callback, run as an upcall stub of the library's generation. */
    interface Visitor {
        @jnr.ffi.annotations.Delegate
        int visit(int value);
    }

    /** {@code struct point}: two ints, 8 bytes. */
    final class Point extends Struct {
        public final Signed32 x = new Signed32();
        public final Signed32 y = new Signed32();

        public Point(Runtime runtime) {
            super(runtime);
        }
    }

    /** {@code struct sample}: an int at 0 and a double at 8, 16 bytes. */
    final class Sample extends Struct {
        public final Signed32 count = new Signed32();
        public final Double mean = new Double();

        public Sample(Runtime runtime) {
            super(runtime);
        }
    }

    /**
     * {@code struct shape}: kind at 0, origin at 4, scale at 16, tags at 24; 32 bytes in C, while
     * jnr-ffi's {@code Struct.size} stops at 30, after the last field.
     */
    final class Shape extends Struct {
        public final Signed8 kind = new Signed8();
        public final Point origin = inner(new Point(getRuntime()));
        public final Double scale = new Double();
        public final Signed16[] tags = array(new Signed16[3]);

        public Shape(Runtime runtime) {
            super(runtime);
        }
    }
}
