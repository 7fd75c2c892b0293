package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.ValueCodec;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;

/**
 * The C ABI beyond the basic types on FFM ({@link FfmAbiFunction}): unsigned types, structs by
 * value and by pointer, out and inout parameters, arrays, errno and variadic calls, on the host's C
 * library and on {@code abitest}, against values computed in Java and against the jnr backend's
 * results for the same calls.
 */
public class FfmAbiFunctionTest {

    private static final int ERANGE = 34;
    private static final Path ABITEST = Path.of(System.getProperty("nativebundle.test.libabitest",
            "target/test-natives/libabitest.so")).toAbsolutePath();
    private static final String SHAPE = "Shape{kind:byte,origin:Point{x:int,y:int},scale:double,tags:short[3]}";
    private static final String DIV_T = "div_t{quot:int,rem:int}";

    private static final FfmBackend FFM = new FfmBackend(new JnrBackend());
    private static BackendLibrary libc;
    private static BackendLibrary libm;
    private static BackendLibrary abi;
    private static BackendLibrary jnrLibc;
    private static BackendLibrary jnrAbi;

    @BeforeClass
    public static void open() throws Exception {
        libc = FFM.open(system("libc.so.6"), List.of());
        libm = FFM.open(system("libm.so.6"), List.of());
        abi = FFM.open(ABITEST, List.of());
        jnrLibc = new JnrBackend().open(system("libc.so.6"), List.of());
        jnrAbi = new JnrBackend().open(ABITEST, List.of());
    }

    @AfterClass
    public static void close() {
        for (BackendLibrary l : new BackendLibrary[] {libc, libm, abi, jnrLibc, jnrAbi}) {
            assertEquals(List.of(), l.close());
        }
    }

    /** The host's copy of {@code name} in the multiarch folders of Debian (x86-64, aarch64) or the classic ones. */
    static Path system(String name) {
        return Stream.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                        "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib")
                .map(d -> Path.of(d, name)).filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " on this host"));
    }

    private static FunctionInvoker function(BackendLibrary library, String symbol, String signature) throws Exception {
        NativeSignature parsed = NativeSignature.parse(signature);
        FunctionInvoker f = library.function(symbol, parsed);
        assertTrue(f.getClass().getName(), parsed.isBasic() || FfmErrno.carries(parsed) || f instanceof FfmAbiFunction);
        return f;
    }

    private static NativeStructType structType(String signature) {
        return NativeSignature.parse(signature).returnStructType().orElseThrow();
    }

    @Test
    public void divAndLdivReturnStructsByValue() throws Exception {
        FunctionInvoker div = function(libc, "div", "(int,int)" + DIV_T);
        FunctionInvoker ldiv = function(libc, "ldiv", "(long,long)ldiv_t{quot:long,rem:long}");
        for (int[] c : new int[][] {{17, 5}, {-17, 5}, {17, -5}, {0, 3}, {Integer.MAX_VALUE, 7}}) {
            NativeStruct r = (NativeStruct) div.invoke(new Object[] {c[0], c[1]});
            assertEquals(c[0] / c[1], r.get("quot"));
            assertEquals(c[0] % c[1], r.get("rem"));
        }
        long a = 9_000_000_000_123L;
        assertEquals("{quot=" + a / 1000 + ", rem=" + a % 1000 + "}", ldiv.invoke(new Object[] {a, 1_000L}).toString());
    }

    @Test
    public void structsByValueAsParametersAndResult() throws Exception {
        String point = "point{x:int,y:int}";
        FunctionInvoker add = function(abi, "point_add", "(" + point + "," + point + ")" + point);
        NativeStructType type = structType("()" + point);
        NativeStruct r = (NativeStruct) add.invoke(new Object[] {NativeStruct.of(type, Map.of("x", 1, "y", -2)),
                NativeStruct.of(type, Map.of("x", 40, "y", 7))});
        assertEquals("{x=41, y=5}", r.toString());
    }

    @Test
    public void aNestedStructWithAFixedArrayByPointerOutAndInout() throws Exception {
        NativeCallResult made = function(abi, "shape_make", "(out " + SHAPE + " s,int,int)void")
                .call(new Object[] {3, -4});
        NativeStruct shape = (NativeStruct) made.outValues().get("s");
        assertEquals("{kind=7, origin={x=3, y=-4}, scale=1.5, tags=[1, 2, 3]}", shape.toString());
        assertEquals(32, shape.type().size());
        NativeStruct scaled = (NativeStruct) function(abi, "shape_scale", "(inout " + SHAPE + " s,int)void")
                .call(new Object[] {shape, 3}).outValues().get("s");
        assertEquals("{kind=7, origin={x=9, y=-12}, scale=4.5, tags=[3, 6, 9]}", scaled.toString());
        assertEquals("the caller's struct is a value, untouched", "{x=3, y=-4}", shape.get("origin").toString());
    }

    @Test
    public void unsignedTypesCrossTheirSignedMaximumAndWrapAtTheirWidth() throws Exception {
        assertEquals((short) 0, function(abi, "next_u8", "(ubyte)ubyte").invoke(new Object[] {(short) 255}));
        assertEquals((short) 128, function(abi, "next_u8", "(ubyte)ubyte").invoke(new Object[] {(short) 127}));
        assertEquals(32768, function(abi, "next_u16", "(ushort)ushort").invoke(new Object[] {32767}));
        assertEquals(0, function(abi, "next_u16", "(ushort)ushort").invoke(new Object[] {65535}));
        assertEquals(2_147_483_648L, function(abi, "next_u32", "(uint)uint").invoke(new Object[] {2_147_483_647L}));
        assertEquals(0L, function(abi, "next_u32", "(uint)uint").invoke(new Object[] {4_294_967_295L}));
        assertEquals(Long.MIN_VALUE, function(abi, "next_u64", "(ulong)ulong").invoke(new Object[] {Long.MAX_VALUE}));
        assertEquals(0L, function(abi, "next_u64", "(ulong)ulong").invoke(new Object[] {-1L}));
        assertEquals(Long.MAX_VALUE, function(abi, "half_size", "(size_t)size_t").invoke(new Object[] {-1L}));
        assertEquals(5L, function(abi, "negate_ssize", "(ssize_t)ssize_t").invoke(new Object[] {-5L}));
    }

    @Test
    public void outAndInoutScalars() throws Exception {
        NativeCallResult r = function(abi, "divmod", "(int a,int b,out int quot,out long rem,out double ratio)int")
                .call(new Object[] {-17, 5});
        assertEquals(0, r.value());
        assertEquals(Map.of("quot", -3, "rem", -2L, "ratio", -3.4), r.outValues());
        assertEquals(List.of("quot", "rem", "ratio"), List.copyOf(r.outValues().keySet()));
        NativeCallResult unnamed = function(abi, "divmod", "(int,int,out int,out long,out double)int").call(new Object[] {7, 2});
        assertEquals(List.of("arg3", "arg4", "arg5"), List.copyOf(unnamed.outValues().keySet()));
        assertEquals(Map.of("v", 42L), function(abi, "increment", "(inout long v)void").call(new Object[] {41L}).outValues());
        NativeCallResult frexp = function(libm, "frexp", "(double x, out int exp)double").call(new Object[] {8.0});
        assertEquals(0.5, frexp.value());
        assertEquals(4, frexp.outValues().get("exp"));
        assertEquals(OptionalInt.empty(), frexp.errno());
    }

    @Test
    public void gettimeofdayAndUnameFillOutStructs() throws Exception {
        NativeCallResult r = function(libc, "gettimeofday", "(out timeval{tv_sec:long,tv_usec:long} tv, pointer)int")
                .call(new Object[] {0L});
        NativeStruct tv = (NativeStruct) r.outValues().get("tv");
        long millis = (Long) tv.get("tv_sec") * 1000 + (Long) tv.get("tv_usec") / 1000;
        assertTrue(Math.abs(millis - System.currentTimeMillis()) < 1000);
        NativeCallResult u = function(libc, "uname", "(out utsname{sysname:byte[65],nodename:byte[65],"
                + "release:byte[65],version:byte[65],machine:byte[65],domainname:byte[65]})int").call(new Object[0]);
        assertEquals(0, u.value());
        assertEquals("Linux", ((NativeStruct) u.outValues().get("arg1")).string("sysname"));
    }

    @Test
    public void arraysOfEveryWidthAreCopiedInOutOrBoth() throws Exception {
        assertEquals(10L, function(abi, "sum_ints", "(int[] v,int n)long").invoke(new Object[] {new int[] {1, 2, 3, 4}, 4}));
        assertEquals("a null array is a null pointer", 0L,
                function(abi, "sum_ints", "(int[] v,int n)long").invoke(new Object[] {null, 0}));
        double[] doubles = new double[3];
        NativeCallResult filled = function(abi, "fill_doubles", "(out double[] v,int n,double x)void")
                .call(new Object[] {doubles, 3, 2.5});
        assertArrayEquals(new double[] {0, 2.5, 5}, doubles, 0);
        assertSame(doubles, filled.outValues().get("v"));
        long[] longs = {1, -2, Long.MAX_VALUE / 2};
        function(abi, "twice_longs", "(inout long[] v,int n)void").call(new Object[] {longs, 3});
        assertArrayEquals(new long[] {2, -4, Long.MAX_VALUE / 2 * 2}, longs);
        short[] shorts = {1, -300};
        function(abi, "twice_shorts", "(inout short[] v,int n)void").call(new Object[] {shorts, 2});
        assertArrayEquals(new short[] {2, -600}, shorts);
        float[] floats = {1.5f, -0.25f};
        function(abi, "twice_floats", "(inout float[] v,int n)void").call(new Object[] {floats, 2});
        assertArrayEquals(new float[] {3f, -0.5f}, floats, 0);
        int[] in = {5, 6};
        function(abi, "sum_ints", "(int[] v,int n)long").call(new Object[] {in, 2});
        assertArrayEquals("an in array is not copied back", new int[] {5, 6}, in);
    }

    @Test
    public void arraysOfUnsignedTypesBooleansAndStructsAreConvertedCopies() throws Exception {
        short[] a = {0, 255, 0x80};
        short[] b = {0, 254, 0x80};
        assertTrue((Integer) function(libc, "memcmp", "(ubyte[] a,ubyte[] b,size_t n)int")
                .invoke(new Object[] {a, b, 3L}) > 0);
        short[] set = new short[4];
        function(libc, "memset", "(out ubyte[] s,int c,size_t n)pointer").call(new Object[] {set, 0xFF, 2L});
        assertArrayEquals(new short[] {255, 255, 0, 0}, set);
        long[] dst = new long[2];
        function(libc, "memcpy", "(inout uint[] dst,uint[] src,size_t n)pointer")
                .call(new Object[] {dst, new long[] {4_294_967_295L, 7L}, 8L});
        assertArrayEquals(new long[] {4_294_967_295L, 7L}, dst);
        assertEquals(0, function(libc, "bcmp", "(boolean[] a,int[] b,size_t n)int")
                .invoke(new Object[] {new boolean[] {true, false}, new int[] {1, 0}, 8L}));
        NativeStructType div = structType("()" + DIV_T);
        NativeStruct[] structs = new NativeStruct[2];
        function(libc, "memcpy", "(out " + DIV_T + "[] dst," + DIV_T + "[] src,size_t n)pointer").call(new Object[] {
                structs, new NativeStruct[] {NativeStruct.of(div, Map.of("quot", 1, "rem", 2)),
                        NativeStruct.of(div, Map.of("quot", 3, "rem", 4))}, 16L});
        assertEquals("[{quot=1, rem=2}, {quot=3, rem=4}]", Arrays.toString(structs));
    }

    @Test
    public void errnoIsCapturedForEveryShapeWithTheCLibrarysText() throws Exception {
        NativeCallResult failed = function(abi, "fail_with", "(uint)int errno").call(new Object[] {(long) ERANGE});
        assertEquals(-1, failed.value());
        assertEquals(OptionalInt.of(ERANGE), failed.errno());
        assertEquals(Optional.of("Numerical result out of range"), failed.errnoMessage());
        FunctionInvoker strtoul = function(libc, "strtoul", "(string,pointer,int)size_t errno");
        NativeCallResult over = strtoul.call(new Object[] {"18446744073709551616", 0L, 10});
        assertEquals(-1L, over.value());
        assertEquals(OptionalInt.of(ERANGE), over.errno());
        // a struct result and errno together: the downcall takes its allocator before the capture segment
        NativeCallResult div = function(libc, "div", "(int,int)" + DIV_T + " errno").call(new Object[] {7, 2});
        assertEquals("{quot=3, rem=1}", div.value().toString());
        assertTrue(div.errno().isPresent());
        // an out parameter and errno
        NativeCallResult frexp = function(libm, "frexp", "(double x, out int exp)double errno").call(new Object[] {8.0});
        assertEquals(4, frexp.outValues().get("exp"));
        assertTrue(frexp.errno().isPresent());
    }

    @Test
    public void variadicCallsPassTheirPromotedArguments() throws Exception {
        assertEquals(6L, function(abi, "sum_var", "(int n,...,long,long,long)long").invoke(new Object[] {3, 1L, 2L, 3L}));
        byte[] out = new byte[64];
        NativeCallResult r = function(libc, "snprintf",
                "(inout byte[] dst,size_t n,string fmt,...,long,double,string)int")
                .call(new Object[] {out, 64L, "%ld|%.2f|%s", -42L, 2.5, "ok"});
        String expected = "-42|2.50|ok";
        assertEquals(expected.length(), r.value());
        assertEquals(expected, new String(out, 0, expected.length(), StandardCharsets.UTF_8));
    }

    @Test
    public void aLeafIsACriticalDowncallForStructsToo() throws Exception {
        FunctionInvoker div = libc.function("div", NativeSignature.parse("(int,int)" + DIV_T), new UpcallErrors(), true);
        assertEquals("{quot=-3, rem=-2}", div.invoke(new Object[] {-17, 5}).toString());
    }

    @Test
    public void theResultsAreTheJnrBackendsForTheSameCalls() throws Exception {
        NativeStructType point = structType("()point{x:int,y:int}");
        Object[][] calls = {
            {"point_add", "(point{x:int,y:int},point{x:int,y:int})point{x:int,y:int}",
                NativeStruct.of(point, Map.of("x", 1, "y", 2)), NativeStruct.of(point, Map.of("x", 3, "y", 4))},
            {"shape_make", "(out " + SHAPE + " s,int,int)void", 5, 6},
            {"divmod", "(int,int,out int q,out long r,out double x)int", 100, 7},
            {"divmod", "(int,int,out int q,out long r,out double x)int", 1, 0},
            {"next_u8", "(ubyte)ubyte", (short) 200},
            {"next_u32", "(uint)uint", 4_294_967_295L},
            {"negate_ssize", "(ssize_t)ssize_t", Long.MIN_VALUE + 1},
            {"fail_with", "(int)int errno", 2},
            {"sum_var", "(int,...,long,long)long", 2, 40L, 2L},
            {"twice_shorts", "(inout short[] v,int n)void", new short[] {7, 8}, 2},
            {"increment", "(inout long v)void", -1L},
        };
        for (Object[] c : calls) {
            Object[] args = Arrays.copyOfRange(c, 2, c.length);
            NativeCallResult ffm = function(abi, (String) c[0], (String) c[1]).call(deepCopy(args));
            NativeCallResult jnr = jnrAbi.function((String) c[0], NativeSignature.parse((String) c[1])).call(deepCopy(args));
            assertEquals(c[0] + " " + c[1], describe(jnr), describe(ffm));
        }
    }

    private static Object[] deepCopy(Object[] args) {
        Object[] copy = args.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof short[] s) {
                copy[i] = s.clone();
            }
        }
        return copy;
    }

    /** Everything a caller reads of a result, arrays by content, with the carrier classes. */
    private static String describe(NativeCallResult r) {
        StringBuilder s = new StringBuilder(describe(r.value()));
        r.outValues().forEach((k, v) -> s.append(' ').append(k).append('=').append(describe(v)));
        return s.append(" errno=").append(r.errno()).append(' ').append(r.errnoMessage()).toString();
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String text = v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : v.toString();
        return v.getClass().getSimpleName() + ":" + text;
    }

    @Test
    public void aStructLayoutFfmDisagreesWithIsNeverMadeAndIsRefusedNamingTheFunction() throws Exception {
        // the contract's layout is FFM's for every struct the grammar can declare; FfmStructs asserts it
        assertEquals(32, FfmStructs.layout(structType("()" + SHAPE)).byteSize());
        assertEquals(8, FfmStructs.layout(structType("()" + SHAPE)).byteAlignment());
        assertEquals(65 * 6, FfmStructs.layout(structType("()u{a:byte[65],b:byte[65],c:byte[65],d:byte[65],"
                + "e:byte[65],f:byte[65]}")).byteSize());
        // a function FFM cannot link (a float after '...' is refused by the grammar; here the symbol is missing)
        LoadRefusal missing = assertThrows(LoadRefusal.class,
                () -> abi.function("no_such_shape", NativeSignature.parse("(out " + SHAPE + ")void")));
        assertEquals(RefusalReason.LOAD_FAILED, missing.reason());
        assertTrue(missing.getMessage(), missing.getMessage().contains("'no_such_shape'"));
    }

    @Test
    public void callsFromManyThreadsAtOnceEachGetTheirOwnMemoryAndErrno() throws Exception {
        FunctionInvoker div = function(libc, "div", "(int,int)" + DIV_T);
        FunctionInvoker shape = function(abi, "shape_make", "(out " + SHAPE + " s,int,int)void");
        FunctionInvoker twice = function(abi, "twice_longs", "(inout long[] v,int n)void");
        FunctionInvoker strtoul = function(libc, "strtoul", "(string,pointer,int)ulong errno");
        FunctionInvoker qsort = function(libc, "qsort", "(inout int[] base,size_t n,size_t size,c(pointer,pointer)int)void");
        NativeCallback byInt = args -> Integer.compare(
                java.lang.foreign.MemorySegment.ofAddress((Long) args[0]).reinterpret(4).get(java.lang.foreign.ValueLayout.JAVA_INT, 0),
                java.lang.foreign.MemorySegment.ofAddress((Long) args[1]).reinterpret(4).get(java.lang.foreign.ValueLayout.JAVA_INT, 0));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 300; i++) {
                        int a = random.nextInt(), b = random.nextInt(1000) + 1;
                        NativeStruct q = (NativeStruct) div.invoke(new Object[] {a, b});
                        assertEquals(a / b, q.get("quot"));
                        NativeStruct s = (NativeStruct) shape.call(new Object[] {a, seed}).outValues().get("s");
                        assertEquals(a, ((NativeStruct) s.get("origin")).get("x"));
                        long[] v = {a, seed};
                        twice.call(new Object[] {v, 2});
                        assertArrayEquals(new long[] {2L * a, 2L * seed}, v);
                        // C leaves errno alone on success: a thread that never overflows never sees ERANGE
                        boolean overflow = seed % 2 == 0;
                        NativeCallResult r = strtoul.call(new Object[] {overflow ? "99999999999999999999999" : "0", 0L, 10});
                        assertEquals(overflow, r.errno().getAsInt() == ERANGE);
                        int[] ints = random.ints(50).toArray();
                        int[] sorted = ints.clone();
                        Arrays.sort(sorted);
                        qsort.call(new Object[] {ints, 50L, 4L, byInt});
                        assertArrayEquals(sorted, ints);
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(300, (int) f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code callStructBytes}, the routed methods' path, on both backends: the bytes in and out are
     * exactly {@code ValueCodec}'s of the {@code NativeStruct}s {@code call} takes and gives, for a
     * struct by value, a struct result, an out struct and an inout one (whose caller's bytes stay as
     * they were); from many threads at once, each getting its own.
     */
    @Test
    public void structsAsBytesAreTheBytesOfTheNativeStructPathOnBothBackendsFromManyThreads() throws Exception {
        String point = "point{x:int,y:int}";
        NativeStructType pointType = structType("()" + point);
        NativeStructType shapeType = structType("()" + SHAPE);
        List<FunctionInvoker[]> backends = new ArrayList<>();
        for (BackendLibrary library : new BackendLibrary[] {abi, jnrAbi}) {
            backends.add(new FunctionInvoker[] {
                library.function("point_add", NativeSignature.parse("(" + point + "," + point + ")" + point)),
                library.function("shape_make", NativeSignature.parse("(out " + SHAPE + " s,int,int)void")),
                library.function("shape_scale", NativeSignature.parse("(inout " + SHAPE + " s,int)void"))});
        }
        NativeSignature add = NativeSignature.parse("(" + point + "," + point + ")" + point);
        NativeSignature make = NativeSignature.parse("(out " + SHAPE + " s,int,int)void");
        NativeSignature scale = NativeSignature.parse("(inout " + SHAPE + " s,int)void");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                FunctionInvoker[] f = backends.get(t % backends.size());
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    Random random = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                        NativeStruct a = NativeStruct.of(pointType, Map.of("x", random.nextInt(), "y", random.nextInt()));
                        NativeStruct b = NativeStruct.of(pointType, Map.of("x", random.nextInt(), "y", seed));
                        byte[] sum = (byte[]) f[0].callStructBytes(add, new Object[] {ValueCodec.encode(a),
                                ValueCodec.encode(b)}).value();
                        assertArrayEquals(ValueCodec.encode((NativeStruct) f[0].invoke(new Object[] {a, b})), sum);
                        assertEquals((int) a.get("x") + (int) b.get("x"), ValueCodec.decode(pointType, sum, 0).get("x"));

                        int x = random.nextInt(1000);
                        byte[] made = (byte[]) f[1].callStructBytes(make, new Object[] {x, seed}).outValues().get("s");
                        NativeStruct shape = (NativeStruct) f[1].call(new Object[] {x, seed}).outValues().get("s");
                        assertArrayEquals(ValueCodec.encode(shape), made);
                        byte[] before = made.clone();
                        byte[] scaled = (byte[]) f[2].callStructBytes(scale, new Object[] {made, 3}).outValues().get("s");
                        assertArrayEquals(ValueCodec.encode((NativeStruct) f[2].call(new Object[] {shape, 3})
                                .outValues().get("s")), scaled);
                        assertEquals(3 * x, ((NativeStruct) ValueCodec.decode(shapeType, scaled, 0).get("origin")).get("x"));
                        assertArrayEquals("the caller's bytes are read, never written", before, made);
                    }
                    return seed;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                assertEquals(t, (int) results.get(t).get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
