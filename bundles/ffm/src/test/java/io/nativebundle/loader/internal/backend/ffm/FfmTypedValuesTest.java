package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.ffm.FfmBindings.Call;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.DoubleByReference;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;
import jnr.ffi.types.int8_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int16_t;
import jnr.ffi.types.u_int32_t;
import jnr.ffi.types.u_int64_t;
import jnr.ffi.types.u_int8_t;

/**
 * jnr-ffi's unsigned and size annotations, {@code @SaveError}, primitive arrays and by-reference on FFM: the
 * abitest library's functions through an FFM binding and through jnr-ffi's own binding of the same
 * interface, each value compared, out-of-range arguments included (both pass the low bits), arrays
 * and by-reference values copied in and out as jnr-ffi copies them, and errno per thread.
 */
public class FfmTypedValuesTest {

    /** abitest's unsigned functions, with carriers as wide as the C type and wider. */
    public interface Unsigned {
        @u_int8_t short next_u8(@u_int8_t short v);

        @u_int8_t int next_u8(@u_int8_t int v);

        @u_int16_t int next_u16(@u_int16_t int v);

        @u_int32_t long next_u32(@u_int32_t long v);

        @u_int32_t int next_u32(@u_int32_t int v);

        @u_int64_t long next_u64(@u_int64_t long v);

        @size_t long half_size(@size_t long n);

        @ssize_t long negate_ssize(@ssize_t long n);

        @SaveError
        int fail_with(int e);
    }

    /**
     * What FFM still leaves to jnr: an integer annotation it does not read; and fail_with, whose types
     * FFM passes, because next_u8 saves errno too and is jnr's: an interface's errno comes from one place.
     */
    public interface Left {
        @SaveError
        @int8_t int next_u8(@int8_t int v);

        @SaveError
        int fail_with(int e);
    }

    /** abitest's array functions, copied as jnr-ffi copies them. */
    public interface Arrays {
        long sum_ints(@In int[] values, int n);

        void fill_doubles(@Out double[] values, int n, double x);

        void twice_longs(long[] values, int n);

        void twice_shorts(@In @Out short[] values, int n);

        void twice_floats(float[] values, int n);
    }

    /** abitest's out and in-out scalars, through jnr-ffi's by-reference types. */
    public interface References {
        int divmod(int a, int b, @Out IntByReference quot, @Out LongLongByReference rem, @Out DoubleByReference ratio);

        void increment(@In @Out LongLongByReference value);
    }

    /** increment without a direction (in and out, as jnr-ffi has it) and declared in only. */
    public interface Increments {
        void increment(LongLongByReference value);
    }

    public interface InOnlyIncrement {
        void increment(@In LongLongByReference value);
    }

    /** twice_longs with an array C writes, declared in only: the Java array keeps its values. */
    public interface InOnly {
        void twice_longs(@In long[] values, int n);
    }

    /** twice_longs with an array declared out only: C doubles what it was given, zeros. */
    public interface OutOnly {
        void twice_longs(@Out long[] values, int n);
    }

    private static final Path LIBABITEST = Path.of(System.getProperty("nativebundle.test.libabitest",
            "target/test-natives/libabitest.so")).toAbsolutePath();
    private static final long[] VALUES = {0, 1, 2, 126, 127, 128, 254, 255, 256, 300, 32_767, 32_768, 65_534, 65_535,
        65_536, Integer.MAX_VALUE, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE,
        Long.MIN_VALUE, -1, -2, -128, -129, -32_768, -65_536, Integer.MIN_VALUE};

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private BackendLibrary ffm;
    private BackendLibrary jnr;

    @Before
    public void open() throws Exception {
        ffm = new FfmBackend(new JnrBackend()).open(copy("ffm"), List.of());
        jnr = new JnrBackend().open(copy("jnr"), List.of());
    }

    private Path copy(String folder) throws Exception {
        return Files.copy(LIBABITEST, temporary.newFolder(folder).toPath().resolve("libabitest.so"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @After
    public void close() {
        if (ffm != null) {
            ffm.close();
        }
        if (jnr != null) {
            jnr.close();
        }
    }

    @Test
    public void everyMethodOfUnsignedTypesAndSaveErrorIsFfmsOwn() {
        for (Method method : InterfaceMethods.abstractOnly(Unsigned.class)) {
            Call call = FfmBindings.call(Unsigned.class, method, LeafMethods.annotatedOnly());
            assertEquals(method.toString(), method.getName().equals("fail_with") ? Call.CAPTURING : Call.DOWNCALL, call);
        }
        assertTrue(FfmBindings.savesErrnoItself(Unsigned.class));
    }

    @Test
    public void anUnreadAnnotationAnArrayAndTheirInterfacesErrnoStayJnrs() {
        for (Method method : InterfaceMethods.abstractOnly(Left.class)) {
            assertEquals(method.toString(), Call.JNR, FfmBindings.call(Left.class, method, LeafMethods.annotatedOnly()));
        }
        assertFalse(FfmBindings.savesErrnoItself(Left.class));
    }

    @Test
    public void unsignedValuesAreWhatJnrMakesOfThem() throws Exception {
        Unsigned viaFfm = ffm.bind(Unsigned.class);
        Unsigned viaJnr = jnr.bind(Unsigned.class);
        for (long v : VALUES) {
            String what = " of " + v;
            assertEquals("next_u8(short)" + what, viaJnr.next_u8((short) v), viaFfm.next_u8((short) v));
            assertEquals("next_u8(int)" + what, viaJnr.next_u8((int) v), viaFfm.next_u8((int) v));
            assertEquals("next_u16" + what, viaJnr.next_u16((int) v), viaFfm.next_u16((int) v));
            assertEquals("next_u32(long)" + what, viaJnr.next_u32(v), viaFfm.next_u32(v));
            assertEquals("next_u32(int)" + what, viaJnr.next_u32((int) v), viaFfm.next_u32((int) v));
            assertEquals("next_u64" + what, viaJnr.next_u64(v), viaFfm.next_u64(v));
            assertEquals("half_size" + what, viaJnr.half_size(v), viaFfm.half_size(v));
            assertEquals("negate_ssize" + what, viaJnr.negate_ssize(v), viaFfm.negate_ssize(v));
        }
        assertEquals("255 + 1 wraps", 0, viaFfm.next_u8((short) 255));
        assertEquals("an unsigned result is zero-extended", 255, viaFfm.next_u8((short) 254));
        assertEquals(65_535, viaFfm.next_u16(65_534));
        assertEquals(0xFFFF_FFFFL, viaFfm.next_u32(0xFFFF_FFFEL));
        assertEquals(0, viaFfm.next_u32(0xFFFF_FFFFL));
        assertEquals(Long.MIN_VALUE, viaFfm.next_u64(Long.MAX_VALUE));
        assertEquals("halved unsigned", Long.divideUnsigned(-2L, 2), viaFfm.half_size(-2L));
    }

    @Test
    public void saveErrorGivesEachThreadTheErrnoItsCallSaved() throws Exception {
        Unsigned viaFfm = ffm.bind(Unsigned.class);
        assertEquals(-1, viaFfm.fail_with(2));
        assertEquals(OptionalInt.of(2), ffm.savedErrno());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int errno = 10 + t;
                calls.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 5_000; i++) {
                        viaFfm.fail_with(errno + i % 3);
                        wrong += ffm.savedErrno().equals(OptionalInt.of(errno + i % 3)) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals("errno read that another call had saved", 0, (int) call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void errnoOfAnInterfaceJnrSavesIsJnrs() throws Exception {
        Left left = ffm.bind(Left.class);
        assertEquals(-1, left.fail_with(9));
        assertEquals(OptionalInt.of(9), ffm.savedErrno());
    }

    @Test
    public void arraysAreFfmsOwnAndCopiedAsJnrCopiesThem() throws Exception {
        for (Class<?> type : List.of(Arrays.class, InOnly.class, OutOnly.class)) {
            for (Method method : InterfaceMethods.abstractOnly(type)) {
                assertEquals(method.toString(), Call.DOWNCALL, FfmBindings.call(type, method, LeafMethods.annotatedOnly()));
            }
        }
        Arrays viaFfm = ffm.bind(Arrays.class);
        Arrays viaJnr = jnr.bind(Arrays.class);
        // 3 elements on the thread's scratch; 5,000 beyond its 4 KiB, in memory of their own
        for (int n : new int[] {0, 3, 5_000}) {
            int[] ints = new int[n];
            long[] longs = new long[n];
            short[] shorts = new short[n];
            float[] floats = new float[n];
            for (int i = 0; i < n; i++) {
                ints[i] = i * 7 - 3;
                longs[i] = i * 1_000_000_007L;
                shorts[i] = (short) (i * 3);
                floats[i] = i / 4f;
            }
            assertEquals(viaJnr.sum_ints(ints, n), viaFfm.sum_ints(ints, n));
            double[] ffmDoubles = new double[n];
            double[] jnrDoubles = new double[n];
            viaFfm.fill_doubles(ffmDoubles, n, 1.5);
            viaJnr.fill_doubles(jnrDoubles, n, 1.5);
            assertArrayEquals(jnrDoubles, ffmDoubles, 0.0);
            long[] ffmLongs = longs.clone();
            long[] jnrLongs = longs.clone();
            viaFfm.twice_longs(ffmLongs, n);
            viaJnr.twice_longs(jnrLongs, n);
            assertArrayEquals(jnrLongs, ffmLongs);
            short[] ffmShorts = shorts.clone();
            short[] jnrShorts = shorts.clone();
            viaFfm.twice_shorts(ffmShorts, n);
            viaJnr.twice_shorts(jnrShorts, n);
            assertArrayEquals(jnrShorts, ffmShorts);
            float[] ffmFloats = floats.clone();
            float[] jnrFloats = floats.clone();
            viaFfm.twice_floats(ffmFloats, n);
            viaJnr.twice_floats(jnrFloats, n);
            assertArrayEquals(jnrFloats, ffmFloats, 0f);
        }
        long[] values = {1, 2, 3};
        viaFfm.twice_longs(values, 3);
        assertArrayEquals("in-out: doubled in place", new long[] {2, 4, 6}, values);
        assertEquals("a null array is the null pointer, read for no element", 0, viaFfm.sum_ints(null, 0));
    }

    @Test
    public void byReferenceValuesAreWrittenAndReadAsJnrDoesIt() throws Exception {
        for (Class<?> type : List.of(References.class, Increments.class, InOnlyIncrement.class)) {
            for (Method method : InterfaceMethods.abstractOnly(type)) {
                assertEquals(method.toString(), Call.DOWNCALL, FfmBindings.call(type, method, LeafMethods.annotatedOnly()));
            }
        }
        References viaFfm = ffm.bind(References.class);
        References viaJnr = jnr.bind(References.class);
        for (int[] ab : new int[][] {{7, 2}, {-7, 2}, {Integer.MIN_VALUE, 3}, {-1, 1}}) {
            IntByReference[] quot = {new IntByReference(-1), new IntByReference(-1)};
            LongLongByReference[] rem = {new LongLongByReference(-1), new LongLongByReference(-1)};
            DoubleByReference[] ratio = {new DoubleByReference(-1), new DoubleByReference(-1)};
            int ffmResult = viaFfm.divmod(ab[0], ab[1], quot[0], rem[0], ratio[0]);
            int jnrResult = viaJnr.divmod(ab[0], ab[1], quot[1], rem[1], ratio[1]);
            String what = ab[0] + " / " + ab[1];
            assertEquals(what, jnrResult, ffmResult);
            assertEquals(what, quot[1].getValue(), quot[0].getValue());
            assertEquals(what, rem[1].getValue(), rem[0].getValue());
            assertEquals(what, ratio[1].getValue(), ratio[0].getValue());
        }
        IntByReference unwritten = new IntByReference(99);
        assertEquals("b == 0 writes nothing", -1, viaFfm.divmod(5, 0, unwritten, new LongLongByReference(),
                new DoubleByReference()));
        assertEquals("@Out memory starts zeroed (jnr-ffi's holds whatever was there)", Integer.valueOf(0),
                unwritten.getValue());
        IntByReference quot = new IntByReference();
        LongLongByReference rem = new LongLongByReference();
        DoubleByReference ratio = new DoubleByReference();
        assertEquals(0, viaFfm.divmod(-7, 2, quot, rem, ratio));
        assertEquals(Integer.valueOf(-3), quot.getValue());
        assertEquals(Long.valueOf(-1), rem.getValue());
        assertEquals(Double.valueOf(-3.5), ratio.getValue());
        LongLongByReference value = new LongLongByReference(41);
        viaFfm.increment(value);
        assertEquals(Long.valueOf(42), value.getValue());
        LongLongByReference inOut = new LongLongByReference(Long.MAX_VALUE);
        ffm.bind(Increments.class).increment(inOut);
        assertEquals("no direction is in and out", Long.valueOf(Long.MIN_VALUE), inOut.getValue());
        LongLongByReference in = new LongLongByReference(1);
        ffm.bind(InOnlyIncrement.class).increment(in);
        LongLongByReference jnrIn = new LongLongByReference(1);
        jnr.bind(InOnlyIncrement.class).increment(jnrIn);
        assertEquals(jnrIn.getValue(), in.getValue());
        assertEquals("in only: not read back", Long.valueOf(1), in.getValue());
    }

    @Test
    public void anInArrayIsNotCopiedBackAndAnOutArrayNotIn() throws Exception {
        long[] in = {1, 2, 3};
        ffm.bind(InOnly.class).twice_longs(in, 3);
        long[] jnrIn = {1, 2, 3};
        jnr.bind(InOnly.class).twice_longs(jnrIn, 3);
        assertArrayEquals(jnrIn, in);
        assertArrayEquals(new long[] {1, 2, 3}, in);
        long[] out = {1, 2, 3};
        ffm.bind(OutOnly.class).twice_longs(out, 3);
        assertArrayEquals("C doubled the zeros it was given", new long[] {0, 0, 0}, out);
    }

    @Test
    public void arraysFromManyThreadsStayTheirCallers() throws Exception {
        Arrays viaFfm = ffm.bind(Arrays.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long base = t * 1_000L;
                calls.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 5_000; i++) {
                        long[] values = {base, base + i, i};
                        viaFfm.twice_longs(values, 3);
                        wrong += values[0] == 2 * base && values[1] == 2 * (base + i) && values[2] == 2L * i ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals("arrays that came back wrong", 0, (int) call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
