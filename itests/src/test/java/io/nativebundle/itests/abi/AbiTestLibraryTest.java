package io.nativebundle.itests.abi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarFile;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.examples.abitest.AbiTest;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;
import jnr.ffi.byref.DoubleByReference;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;

/**
 * The {@code abitest} library (built by the build, C, one function per shape of the C ABI) through
 * its three paths: the typed interface ({@link AbiTest}, jnr-ffi), its {@code NativeFunction}
 * services (signatures the bnd plugin wrote), and a descriptor over the same {@code .so} in the
 * tenant folder {@code plugins/abi/}. Each function's expected values are computed in Java here,
 * never taken from another path. Structs by pointer run through all three ({@link AbiTest.Shape},
 * a jnr-ffi {@code Struct} whose C size, 32, is larger than jnr-ffi's 30), so does the callback
 * ({@link AbiTest.Visitor}, {@code @Delegate}), structs by value ({@code @ByValue}: {@code point_add}
 * in registers, {@code shape_moved} nested and 32 bytes in memory, {@code sample_add} an int and a
 * double with errno) and the variadic sums ({@code @Variadic}), which the typed interface calls
 * through their declarations. errno is read from the call result and from
 * {@code NativeLibrary.lastErrno()}, per library and thread.
 *
 * <p>aarch64: the build compiles the library for it too, but this machine cannot run it, so only
 * x86-64 is called here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AbiTestLibraryTest extends AbstractIntegrationTest {

    /** A fixed folder: the class is loaded by Maven for {@code config()} and again inside the framework. */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-abitest/plugins");
    static final File TENANT = new File(PLUGINS, "abi");

    /** The bundle's services, not the descriptor's of tenant {@code abi}. */
    static final String BUNDLED = "(&(nativebundle.library=abitest)(!(nativebundle.namespace=abi/*)))";
    static final String DESCRIBED = "(nativebundle.namespace=abi/abitest/v1)";

    static final String SHAPE = "shape{kind:byte,origin:point{x:int,y:int},scale:double,tags:short[3]}size=32";
    static final String POINT = "point{x:int,y:int}size=8";

    /** The same signatures as the bundle's header, in a descriptor's grammar. */
    static final String[] DESCRIPTOR = {
        "library = abitest",
        "version = 1.0.0",
        "",
        "[structs]",
        "point = { x: int, y: int } size=8",
        "shape = { kind: byte, origin: point, scale: double, tags: short[3] } size=32",
        "sample = { count: int, mean: double } size=16",
        "",
        "[callbacks]",
        "visitor = (int)int",
        "",
        "[symbols]",
        "next_u8 = (ubyte)ubyte",
        "next_u16 = (ushort)ushort",
        "next_u32 = (uint)uint",
        "next_u64 = (ulong)ulong",
        "half_size = (size_t)size_t",
        "negate_ssize = (ssize_t)ssize_t",
        "sum_ints = (int[], int)long",
        "fill_doubles = (out double[], int, double)void",
        "twice_longs = (inout long[], int)void",
        "twice_shorts = (inout short[], int)void",
        "twice_floats = (inout float[], int)void",
        "divmod = (int, int, out int, out long, out double)int",
        "increment = (inout long)void",
        "fail_with = (int)int errno",
        "point_add = (point a, point b)point",
        "point_parts = (point p, out int y)int",
        "shape_moved = (shape s, int dx, int dy)shape",
        "sample_add = (sample s, double x)sample errno",
        "shape_make = (out shape s, int x, int y)void",
        "shape_scale = (inout shape s, int f)void",
        "call_n = (int n, visitor cb)long",
        "sum_var = (int n, ..., long, long, long)long",
        "sum_var_doubles = (int n, ..., double, double)double",
    };

    @Configuration
    public Option[] config() throws IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.abitest());
    }

    /**
     * One call: the arguments (made fresh per path, since arrays are written in place), the
     * expected result and out values (keys as {@code NativeCallResult.outValues()} has them), and
     * the same call through the typed interface, returning {@code [result, out values...]}.
     */
    private record Case(String symbol, Supplier<Object[]> args, Object result, Map<String, Object> outs,
                        Function<AbiTest, Object[]> typed) {
    }

    private static List<Case> scalarCases() {
        long[] longs = {1, -2, Long.MAX_VALUE / 4};
        short[] shorts = {1, -2, 16_000};
        float[] floats = {1.5f, -2.25f, 1e30f};
        int[] ints = {1, -2, Integer.MAX_VALUE, Integer.MAX_VALUE};
        long intSum = 1L - 2 + 2L * Integer.MAX_VALUE;
        double[] filled = {0, 1.5, 3, 4.5};
        return List.of(
            new Case("next_u8", () -> new Object[] {(short) 255}, (short) 0, Map.of(),
                a -> new Object[] {a.next_u8((short) 255)}),
            new Case("next_u8", () -> new Object[] {(short) 127}, (short) 128, Map.of(),
                a -> new Object[] {a.next_u8((short) 127)}),
            new Case("next_u16", () -> new Object[] {65_535}, 0, Map.of(), a -> new Object[] {a.next_u16(65_535)}),
            new Case("next_u16", () -> new Object[] {32_767}, 32_768, Map.of(),
                a -> new Object[] {a.next_u16(32_767)}),
            new Case("next_u32", () -> new Object[] {4_294_967_295L}, 0L, Map.of(),
                a -> new Object[] {a.next_u32(4_294_967_295L)}),
            new Case("next_u32", () -> new Object[] {2_147_483_647L}, 2_147_483_648L, Map.of(),
                a -> new Object[] {a.next_u32(2_147_483_647L)}),
            new Case("next_u64", () -> new Object[] {-1L}, 0L, Map.of(), a -> new Object[] {a.next_u64(-1L)}),
            new Case("next_u64", () -> new Object[] {Long.MAX_VALUE}, Long.MIN_VALUE, Map.of(),
                a -> new Object[] {a.next_u64(Long.MAX_VALUE)}),
            new Case("half_size", () -> new Object[] {-2L}, Long.divideUnsigned(-2L, 2), Map.of(),
                a -> new Object[] {a.half_size(-2L)}),
            new Case("negate_ssize", () -> new Object[] {5L}, -5L, Map.of(), a -> new Object[] {a.negate_ssize(5L)}),
            new Case("sum_ints", () -> new Object[] {ints.clone(), 4}, intSum, Map.of(),
                a -> new Object[] {a.sum_ints(ints.clone(), 4)}),
            new Case("fill_doubles", () -> new Object[] {new double[4], 4, 1.5}, null, Map.of("arg1", filled),
                a -> {
                    double[] v = new double[4];
                    a.fill_doubles(v, 4, 1.5);
                    return new Object[] {null, v};
                }),
            new Case("twice_longs", () -> new Object[] {longs.clone(), 3}, null,
                Map.of("arg1", new long[] {2, -4, Long.MAX_VALUE / 4 * 2}), a -> {
                    long[] v = longs.clone();
                    a.twice_longs(v, 3);
                    return new Object[] {null, v};
                }),
            new Case("twice_shorts", () -> new Object[] {shorts.clone(), 3}, null,
                Map.of("arg1", new short[] {2, -4, 32_000}), a -> {
                    short[] v = shorts.clone();
                    a.twice_shorts(v, 3);
                    return new Object[] {null, v};
                }),
            new Case("twice_floats", () -> new Object[] {floats.clone(), 3}, null,
                Map.of("arg1", new float[] {3f, -4.5f, 2e30f}), a -> {
                    float[] v = floats.clone();
                    a.twice_floats(v, 3);
                    return new Object[] {null, v};
                }),
            new Case("divmod", () -> new Object[] {-17, 5}, 0,
                Map.of("arg3", -17 / 5, "arg4", (long) (-17 % 5), "arg5", -17 / 5.0), a -> {
                    IntByReference q = new IntByReference();
                    LongLongByReference r = new LongLongByReference();
                    DoubleByReference d = new DoubleByReference();
                    int result = a.divmod(-17, 5, q, r, d);
                    return new Object[] {result, q.getValue(), r.getValue(), d.getValue()};
                }),
            new Case("increment", () -> new Object[] {41L}, null, Map.of("arg1", 42L), a -> {
                LongLongByReference v = new LongLongByReference(41L);
                a.increment(v);
                return new Object[] {null, v.getValue()};
            }));
    }

    private void dropDescriptor() throws IOException {
        synchronized (AbiTestLibraryTest.class) {
            if (!new File(TENANT, "libabitest.nativebundle").exists()) {
                Drops.drop(TENANT, "libabitest.so", x86Library());
                Drops.drop(TENANT, "libabitest.nativebundle", DESCRIPTOR);
            }
        }
    }

    /** The built libabitest.so for x86-64, taken from the example's jar. */
    private static byte[] x86Library() throws IOException {
        try (JarFile jar = new JarFile(NativeBundleOptions.jar("abitest"));
             InputStream in = jar.getInputStream(jar.getEntry("native/linux/x86-64/libabitest.so"))) {
            return in.readAllBytes();
        }
    }

    /** The bundle's function (the header the bnd plugin wrote from the interface and bnd.bnd). */
    private NativeFunction bundled(String symbol) throws InterruptedException {
        return service(NativeFunction.class, "(&" + BUNDLED + "(nativebundle.symbol=" + symbol + "))");
    }

    /** The descriptor's function, in tenant {@code abi}. */
    private NativeFunction described(String symbol) throws InterruptedException {
        return service(NativeFunction.class, "(&" + DESCRIBED + "(nativebundle.symbol=" + symbol + "))");
    }

    private AbiTest typed() throws InterruptedException {
        return service(AbiTest.class, BUNDLED);
    }

    @Test
    public void everyScalarArrayAndOutParameterFunctionAgreesWithJavaThroughAllThreePaths() throws Exception {
        dropDescriptor();
        AbiTest typed = typed();
        List<String> wrong = new ArrayList<>();
        for (Case c : scalarCases()) {
            for (String path : List.of("function", "descriptor")) {
                NativeFunction f = path.equals("function") ? bundled(c.symbol()) : described(c.symbol());
                NativeCallResult r = f.call(c.args().get());
                check(wrong, c.symbol() + " via " + path + " result", c.result(), r.value());
                c.outs().forEach((key, expected) -> check(wrong, c.symbol() + " via " + path + " " + key, expected,
                    r.outValues().get(key)));
            }
            Object[] t = c.typed().apply(typed);
            check(wrong, c.symbol() + " via typed result", c.result(), t[0]);
            List<Object> outs = new ArrayList<>(c.outs().keySet().stream().sorted().map(c.outs()::get).toList());
            for (int i = 0; i < outs.size(); i++) {
                check(wrong, c.symbol() + " via typed out " + (i + 1), outs.get(i), t[i + 1]);
            }
        }
        assertEquals(String.join("\n", wrong), List.of(), wrong);
    }

    private static void check(List<String> wrong, String what, Object expected, Object actual) {
        boolean same = expected != null && expected.getClass().isArray()
            ? actual != null && Arrays.deepEquals(new Object[] {expected}, new Object[] {actual})
            : java.util.Objects.equals(expected, actual);
        if (!same) {
            wrong.add(what + ": expected " + show(expected) + " but was " + show(actual));
        }
    }

    private static String show(Object value) {
        return value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[] {value})
            : value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
    }

    @Test
    public void errnoIsCapturedByEveryPathAndIsTheLibrarysLastErrnoOnThisThread() throws Exception {
        dropDescriptor();
        NativeLibrary bundledLibrary = service(NativeLibrary.class, BUNDLED);
        NativeLibrary describedLibrary = service(NativeLibrary.class, DESCRIBED);
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            assertEquals("a thread that made no call has none", OptionalInt.empty(),
                fresh.submit(bundledLibrary::lastErrno).get(1, TimeUnit.MINUTES));
        } finally {
            fresh.shutdownNow();
        }
        int errno = 34;
        for (NativeFunction f : List.of(bundled("fail_with"), described("fail_with"))) {
            NativeCallResult r = f.call(errno);
            assertEquals(-1, r.value());
            assertEquals(OptionalInt.of(errno), r.errno());
            errno++;
        }
        assertEquals(OptionalInt.of(34), bundledLibrary.lastErrno());
        assertEquals(OptionalInt.of(35), describedLibrary.lastErrno());
        assertEquals(java.util.Optional.of("Numerical result out of range"),
            bundled("fail_with").call(34).errnoMessage());
        // the typed path: the @SaveError method's errno, for this library only
        assertEquals(-1, typed().fail_with(33));
        assertEquals(OptionalInt.of(33), bundledLibrary.lastErrno());
        assertEquals(OptionalInt.of(35), describedLibrary.lastErrno());
        // a method without @SaveError records nothing
        assertEquals(1, typed().next_u8((short) 0));
        assertEquals(OptionalInt.of(33), bundledLibrary.lastErrno());
    }

    @Test
    public void structsByValueAndByPointerNestedAndWithArraysAgreeWithJava() throws Exception {
        dropDescriptor();
        for (NativeFunction add : List.of(bundled("point_add"), described("point_add"))) {
            NativeStructType point = add.signature().parameterList().get(0).structType().orElseThrow();
            assertEquals(8, point.size());
            assertEquals(8, add.signature().returnStructType().orElseThrow().size());
            NativeStruct sum = (NativeStruct) add.invoke(NativeStruct.of(point, Map.of("x", 1, "y", -2)),
                NativeStruct.of(point, Map.of("x", Integer.MAX_VALUE, "y", 40)));
            assertEquals(Integer.MAX_VALUE + 1, sum.get("x"));
            assertEquals(38, sum.get("y"));
        }
        for (boolean viaDescriptor : new boolean[] {false, true}) {
            NativeFunction make = viaDescriptor ? described("shape_make") : bundled("shape_make");
            NativeFunction scale = viaDescriptor ? described("shape_scale") : bundled("shape_scale");
            // the descriptor names its parameter; the signature the bnd plugin read from AbiTest does not
            String key = viaDescriptor ? "s" : "arg1";
            NativeStruct made = (NativeStruct) make.call(3, -4).outValues().get(key);
            assertEquals(32, made.type().size());
            assertShape(made, 7, 3, -4, 1.5, new short[] {1, 2, 3});
            NativeStruct scaled = (NativeStruct) scale.call(made, 3).outValues().get(key);
            assertShape(scaled, 7, 9, -12, 4.5, new short[] {3, 6, 9});
        }
        AbiTest typed = typed();
        AbiTest.Point sum = typed.point_add(point(1, -2), point(Integer.MAX_VALUE, 40));
        assertEquals(Integer.MAX_VALUE + 1, sum.x.get());
        assertEquals(38, sum.y.get());
        // a struct by value next to an out-parameter: the typed one a jnr-ffi by-reference object
        for (boolean viaDescriptor : new boolean[] {false, true}) {
            NativeFunction parts = viaDescriptor ? described("point_parts") : bundled("point_parts");
            NativeStructType point = parts.signature().parameterList().get(0).structType().orElseThrow();
            NativeCallResult r = parts.call(NativeStruct.of(point, Map.of("x", 7, "y", -9)));
            assertEquals(7, r.value());
            assertEquals(-9, r.outValues().get(viaDescriptor ? "y" : "arg2"));
        }
        IntByReference y = new IntByReference();
        assertEquals(7, typed.point_parts(point(7, -9), y));
        assertEquals(-9, (int) y.getValue());
        AbiTest.Shape shape = new AbiTest.Shape(jnr.ffi.Runtime.getSystemRuntime());
        typed.shape_make(shape, 3, -4);
        assertShape(shape, 7, 3, -4, 1.5, new short[] {1, 2, 3});
        typed.shape_scale(shape, 3);
        assertShape(shape, 7, 9, -12, 4.5, new short[] {3, 6, 9});
    }

    @Test
    public void nestedAndMixedStructsByValueAgreeWithJavaThroughAllThreePaths() throws Exception {
        dropDescriptor();
        jnr.ffi.Runtime runtime = jnr.ffi.Runtime.getSystemRuntime();
        // shape_moved: 32 bytes with a nested struct and an array, passed and returned in memory
        for (NativeFunction moved : List.of(bundled("shape_moved"), described("shape_moved"))) {
            NativeStructType type = moved.signature().returnStructType().orElseThrow();
            assertEquals(32, type.size());
            NativeStruct origin = NativeStruct.of(type.field("origin").orElseThrow().structType().orElseThrow(),
                Map.of("x", 3, "y", -4));
            NativeStruct in = NativeStruct.of(type, Map.of("kind", (byte) 7, "origin", origin, "scale", 1.5,
                "tags", new short[] {100, -30, 0}));
            assertShape((NativeStruct) moved.invoke(in, 10, -1_000_000), 7, 3 + 10, -4 + -1_000_000,
                1.5, new short[] {100, -30, 100 - 30});
        }
        AbiTest.Shape in = new AbiTest.Shape(runtime);
        in.kind.set(7);
        in.origin.x.set(3);
        in.origin.y.set(-4);
        in.scale.set(1.5);
        in.tags[0].set((short) 100);
        in.tags[1].set((short) -30);
        AbiTest.Shape moved = typed().shape_moved(in, 10, -1_000_000);
        assertShape(moved, 7, 3 + 10, -4 + -1_000_000, 1.5, new short[] {100, -30, 100 - 30});
        assertShape(in, 7, 3, -4, 1.5, new short[] {100, -30, 0});

        // sample_add: an int and a double, 16 bytes in an integer and a vector register, with errno
        int count = 3;
        double mean = 1.1;
        double x = 0.7;
        double expected = (mean * count + x) / (count + 1);
        for (NativeFunction add : List.of(bundled("sample_add"), described("sample_add"))) {
            NativeStructType type = add.signature().returnStructType().orElseThrow();
            NativeStruct s = (NativeStruct) add.invoke(NativeStruct.of(type, Map.of("count", count, "mean", mean)), x);
            assertEquals(count + 1, s.get("count"));
            assertEquals(expected, (Double) s.get("mean"), 0);
            NativeCallResult nan = add.call(NativeStruct.of(type, Map.of("count", count, "mean", mean)), Double.NaN);
            assertEquals(OptionalInt.of(EDOM), nan.errno());
            assertEquals(count, ((NativeStruct) nan.value()).get("count"));
        }
        NativeLibrary library = service(NativeLibrary.class, BUNDLED);
        AbiTest.Sample sample = sample(count, mean);
        AbiTest.Sample added = typed().sample_add(sample, x);
        assertEquals(count + 1, added.count.get());
        assertEquals(expected, added.mean.get(), 0);
        AbiTest.Sample same = typed().sample_add(sample, Double.NaN);
        assertEquals(count, same.count.get());
        assertEquals(mean, same.mean.get(), 0);
        assertEquals(OptionalInt.of(EDOM), library.lastErrno());
    }

    /** {@code EDOM} on Linux. */
    private static final int EDOM = 33;

    private static AbiTest.Point point(int x, int y) {
        AbiTest.Point p = new AbiTest.Point(jnr.ffi.Runtime.getSystemRuntime());
        p.x.set(x);
        p.y.set(y);
        return p;
    }

    private static AbiTest.Sample sample(int count, double mean) {
        AbiTest.Sample s = new AbiTest.Sample(jnr.ffi.Runtime.getSystemRuntime());
        s.count.set(count);
        s.mean.set(mean);
        return s;
    }

    @Test
    public void routedTypedCallsAreCountedUnderTheirSymbol() throws Exception {
        AbiTest typed = typed();
        long before = calls("point_add");
        for (int i = 0; i < 5; i++) {
            typed.point_add(point(i, i), point(1, 1));
        }
        typed.sum_var(3, 1L, 2L, 3L);
        assertEquals(before + 5, calls("point_add"));
    }

    /** The calls counted for {@code symbol} of the bundle's library (typed and NativeFunction share them). */
    private long calls(String symbol) throws InterruptedException {
        return service(NativeMetrics.class, null).stats("abitest").stream()
                .filter(s -> s.symbol().equals(symbol)).mapToLong(SymbolStats::calls).sum();
    }

    @Test
    public void aTypedStructWrittenWholeByCNeverOverrunsJnrsShorterSize() throws Exception {
        jnr.ffi.Runtime runtime = jnr.ffi.Runtime.getSystemRuntime();
        AbiTest.Shape shape = new AbiTest.Shape(runtime);
        assertEquals("jnr-ffi's size stops after the last field", 30, jnr.ffi.Struct.size(shape));
        // direct memory of exactly jnr-ffi's 30 bytes, then two canary bytes that C must never reach
        jnr.ffi.Pointer backing = jnr.ffi.Memory.allocateDirect(runtime, 40, true);
        backing.putShort(30, (short) 0x5a5a);
        shape.useMemory(backing.slice(0, 30));
        typed().shape_make(shape, 5, 6);
        assertShape(shape, 7, 5, 6, 1.5, new short[] {1, 2, 3});
        assertEquals(0x5a5a, backing.getShort(30));
    }

    private static void assertShape(AbiTest.Shape s, int kind, int x, int y, double scale, short[] tags) {
        assertEquals(kind, s.kind.get());
        assertEquals(x, s.origin.x.get());
        assertEquals(y, s.origin.y.get());
        assertEquals(scale, s.scale.get(), 0);
        assertArrayEquals(tags, new short[] {s.tags[0].get(), s.tags[1].get(), s.tags[2].get()});
    }

    private static void assertShape(NativeStruct s, int kind, int x, int y, double scale, short[] tags) {
        assertEquals(s.toString(), (byte) kind, s.get("kind"));
        NativeStruct origin = (NativeStruct) s.get("origin");
        assertEquals(s.toString(), x, origin.get("x"));
        assertEquals(s.toString(), y, origin.get("y"));
        assertEquals(s.toString(), scale, (Double) s.get("scale"), 0);
        assertArrayEquals(s.toString(), tags, (short[]) s.get("tags"));
    }

    @Test
    public void aCallbackIsCalledNTimesAndAVariadicSumAddsItsArguments() throws Exception {
        dropDescriptor();
        NativeCallback square = args -> (Integer) args[0] * (Integer) args[0];
        for (NativeFunction f : List.of(bundled("call_n"), described("call_n"))) {
            assertEquals(0L + 1 + 4 + 9 + 16, f.invoke(5, square));
        }
        assertEquals(0L + 1 + 4 + 9 + 16, typed().call_n(5, v -> v * v));
        for (NativeFunction f : List.of(bundled("sum_var"), described("sum_var"))) {
            assertEquals(Long.MAX_VALUE - 1, f.invoke(3, 1L, -2L, Long.MAX_VALUE));
        }
        assertEquals(Long.MAX_VALUE - 1, typed().sum_var(3, 1L, -2L, Long.MAX_VALUE));
        // doubles after '...' travel in vector registers, which the callee reads only when %al says so
        for (NativeFunction f : List.of(bundled("sum_var_doubles"), described("sum_var_doubles"))) {
            assertEquals(0.25 + 1e300, (Double) f.invoke(2, 0.25, 1e300), 0);
        }
        assertEquals(0.25 + 1e300, typed().sum_var_doubles(2, 0.25, 1e300), 0);
    }

    @Test
    public void whatATypedCallbackThrowsReachesTheJavaCallerAfterCReturned() throws Exception {
        AbiTest typed = typed();
        long before = callbackExceptions("call_n");
        IllegalStateException thrown = new IllegalStateException("the visitor refuses 2");
        try {
            typed.call_n(4, v -> {
                if (v == 2) {
                    throw thrown;
                }
                return v;
            });
            fail("the callback's exception was not rethrown");
        } catch (IllegalStateException e) {
            assertSame(thrown, e);
        }
        // counted where a NativeFunction's callback errors are: the symbol's statistics
        assertEquals(before + 1, callbackExceptions("call_n"));
        // the call's scope is closed: the next call returns normally
        assertEquals(0L + 1 + 2, typed.call_n(3, v -> v));
    }

    /** The callback exceptions counted for {@code symbol} of every library named abitest (the typed one's among them). */
    private long callbackExceptions(String symbol) throws InterruptedException {
        return service(NativeMetrics.class, null).stats("abitest").stream().filter(s -> s.symbol().equals(symbol))
                .mapToLong(SymbolStats::callbackExceptions).sum();
    }

    @Test
    public void anUnsignedArgumentOutOfRangeIsRefusedNamingTypeAndValue() throws Exception {
        dropDescriptor();
        for (NativeFunction f : List.of(bundled("next_u8"), described("next_u8"))) {
            try {
                f.call((short) 256);
                fail("256 passed as ubyte");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().endsWith("argument 1 must be ubyte (0 to 255) but is 256"));
            }
        }
        try {
            bundled("next_u32").call(-1L);
            fail("-1 passed as uint");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("argument 1 must be uint (0 to 4294967295) but is -1"));
        }
    }

    @Test
    public void aDescriptorWithAWrongStructSizeOrAMissingSymbolIsRefusedByName() throws Exception {
        WrapRefusal size = refusalOf("abisize", "[structs]", "point = { x: int, y: int } size=12", "",
            "[symbols]", "point_add = (point a, point b)point");
        assertTrue(size.message(), size.message().startsWith("libabitest.nativebundle:5:"));
        assertTrue(size.message(), size.message().endsWith("struct point declares size=12 but its fields lay out "
            + "to 8 bytes (natural C alignment, LP64)"));
        WrapRefusal missing = refusalOf("abimissing", "[symbols]", "next_u8 = (ubyte)ubyte",
            "no_such_function = (int)int");
        assertTrue(missing.message(), missing.message().startsWith(
            "libabitest.nativebundle:6:1: symbol 'no_such_function' is not exported by libabitest.so: "));
    }

    /** Drops a descriptor of {@code lines} after its library and version over libabitest.so; its refusal. */
    private WrapRefusal refusalOf(String tenant, String... lines) throws Exception {
        File folder = new File(PLUGINS, tenant);
        Drops.drop(folder, "libabitest.so", x86Library());
        List<String> all = new ArrayList<>(List.of("library = abitest", "version = 1.0.0", ""));
        all.addAll(List.of(lines));
        Path descriptor = Drops.drop(folder, "libabitest.nativebundle", all.toArray(new String[0]));
        WrapStatus status = service(WrapStatus.class, null);
        return Drops.await("a refusal of " + descriptor, () -> status.refusal(descriptor).orElse(null));
    }

    @Test
    public void outOfProcessTheTypedInterfaceIsRefusedByNameAndTheLibraryInProcessServesOn() throws Exception {
        BundleRewriter isolated = BundleRewriter.of(NativeBundleOptions.jar("abitest"))
            .header("Bundle-SymbolicName", "io.nativebundle.examples.abitest.isolated")
            .header(NativeBundleConstants.HEADER_LIBRARY, "abitest;version=1.0.0;interface="
                + AbiTest.class.getName() + ";isolation=process");
        NativeBundleStatus status = refused(isolated, RefusalReason.LOAD_FAILED,
            () -> assertEquals((short) 0, typed().next_u8((short) 255)));
        // the first method the host cannot carry, in reflection's order: an out-parameter, a struct, a callback...
        assertTrue(status.detail(), status.detail().startsWith("library 'abitest' runs out of process, and method "
            + AbiTest.class.getName() + "."));
        assertTrue(status.detail(), status.detail().matches(".* cannot be called across the process boundary: "
            + "(parameter \\d+ is |it ).*; a library that runs out of process (cannot fill one|carries only ).*"));
    }

    @Test
    public void severalThreadsCallTheCallbacksOutParameterStructByValueVariadicAndErrnoFunctionsAtOnce()
            throws Exception {
        dropDescriptor();
        List<NativeFunction> callNs = List.of(bundled("call_n"), described("call_n"));
        List<NativeFunction> divmods = List.of(bundled("divmod"), described("divmod"));
        List<NativeFunction> pointAdds = List.of(bundled("point_add"), described("point_add"));
        AbiTest typed = typed();
        NativeFunction failWith = bundled("fail_with");
        NativeLibrary library = service(NativeLibrary.class, BUNDLED);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    NativeCallback times = args -> (Integer) args[0] * (thread + 1);
                    // one object per thread, so one upcall stub each (stubs live as long as the generation)
                    AbiTest.Visitor visitor = v -> v * (thread + 1);
                    for (int i = 1; i < 300; i++) {
                        int n = i % 50;
                        assertEquals((long) (thread + 1) * n * (n - 1) / 2, callNs.get(i % 2).invoke(n, times));
                        assertEquals((long) (thread + 1) * n * (n - 1) / 2, typed.call_n(n, visitor));
                        int a = i * (thread + 1) - 500;
                        NativeCallResult r = divmods.get(i % 2).call(a, 7);
                        assertEquals(a / 7, r.outValues().get("arg3"));
                        assertEquals((long) (a % 7), r.outValues().get("arg4"));
                        AbiTest.Shape shape = new AbiTest.Shape(jnr.ffi.Runtime.getSystemRuntime());
                        typed.shape_make(shape, a, thread);
                        typed.shape_scale(shape, 2);
                        assertEquals(2 * a, shape.origin.x.get());
                        assertEquals(2 * thread, shape.origin.y.get());
                        IntByReference q = new IntByReference();
                        LongLongByReference rem = new LongLongByReference();
                        assertEquals(0, typed.divmod(a, 7, q, rem, new DoubleByReference()));
                        assertEquals(a / 7, (int) q.getValue());
                        assertEquals(a % 7, (long) rem.getValue());
                        AbiTest.Point p = typed.point_add(point(a, thread), point(1, -1));
                        assertEquals(a + 1, p.x.get());
                        assertEquals(thread - 1, p.y.get());
                        NativeFunction pointAdd = pointAdds.get(i % 2);
                        NativeStructType pointType = pointAdd.signature().returnStructType().orElseThrow();
                        NativeStruct q2 = (NativeStruct) pointAdd.invoke(
                            NativeStruct.of(pointType, Map.of("x", a, "y", thread)),
                            NativeStruct.of(pointType, Map.of("x", 1, "y", -1)));
                        assertEquals(a + 1, q2.get("x"));
                        AbiTest.Shape moved = typed.shape_moved(shape, thread, -a);
                        assertEquals(2 * a + thread, moved.origin.x.get());
                        assertEquals(2 * thread - a, moved.origin.y.get());
                        assertEquals(a + 2L * thread + 3, typed.sum_var(3, (long) a, (long) thread, thread + 3L));
                        assertEquals(a + 0.5 * thread, typed.sum_var_doubles(2, a, 0.5 * thread), 0);
                        int errno = 1 + thread * 10 + i % 10;
                        if (i % 2 == 0) {
                            assertEquals(-1, typed.fail_with(errno));
                        } else {
                            assertEquals(OptionalInt.of(errno), failWith.call(errno).errno());
                        }
                        assertEquals(OptionalInt.of(errno), library.lastErrno());
                        typed.sample_add(sample(i, thread), Double.NaN);
                        assertEquals(OptionalInt.of(EDOM), library.lastErrno());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
