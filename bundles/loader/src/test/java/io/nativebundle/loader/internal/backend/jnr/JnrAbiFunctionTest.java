package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.ValueCodec;

/**
 * Structs by value and by pointer, out and inout parameters, unsigned types and errno through
 * the jnr backend, on the host's C library, against results computed in Java.
 */
public class JnrAbiFunctionTest {

    private static final int ERANGE = 34;
    private static BackendLibrary libc;
    private static BackendLibrary libm;

    @BeforeClass
    public static void open() throws Exception {
        libc = new JnrBackend().open(system("libc.so.6"), List.of());
        libm = new JnrBackend().open(system("libm.so.6"), List.of());
    }

    @AfterClass
    public static void close() {
        libc.close();
        libm.close();
    }

    /** The host's copy of {@code name} in the multiarch folders of Debian (x86-64, aarch64) or the classic ones. */
    static Path system(String name) {
        return Stream.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                        "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib")
                .map(d -> Path.of(d, name)).filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " on this host"));
    }

    private static FunctionInvoker function(BackendLibrary library, String symbol, String signature) throws Exception {
        return library.function(symbol, NativeSignature.parse(signature));
    }

    @Test
    public void divReturnsAStructByValue() throws Exception {
        FunctionInvoker div = function(libc, "div", "(int,int)div_t{quot:int,rem:int}");
        FunctionInvoker ldiv = function(libc, "ldiv", "(long,long)ldiv_t{quot:long,rem:long}");
        for (int[] c : new int[][] {{17, 5}, {-17, 5}, {17, -5}, {0, 3}, {Integer.MAX_VALUE, 7}}) {
            NativeStruct r = (NativeStruct) div.invoke(new Object[] {c[0], c[1]});
            assertEquals(c[0] / c[1], r.get("quot"));
            assertEquals(c[0] % c[1], r.get("rem"));
        }
        long a = 9_000_000_000_123L;
        NativeStruct r = (NativeStruct) ldiv.invoke(new Object[] {a, 1_000L});
        assertEquals("{quot=" + a / 1000 + ", rem=" + a % 1000 + "}", r.toString());
    }

    @Test
    public void frexpWritesItsOutParameter() throws Exception {
        FunctionInvoker frexp = function(libm, "frexp", "(double x, out int exp)double");
        for (double x : new double[] {8, 1, 0.1, 12345.678, 1e300}) {
            NativeCallResult r = frexp.call(new Object[] {x});
            assertEquals(Math.getExponent(x) + 1, r.outValues().get("exp"));
            assertEquals(x, (Double) r.value() * Math.pow(2, (Integer) r.outValues().get("exp")), 0);
            assertEquals(OptionalInt.empty(), r.errno());
        }
    }

    @Test
    public void gettimeofdayFillsAnOutStruct() throws Exception {
        FunctionInvoker gettimeofday = function(libc, "gettimeofday",
                "(out timeval{tv_sec:long,tv_usec:long} tv, pointer)int");
        NativeCallResult r = gettimeofday.call(new Object[] {0L});
        assertEquals(0, r.value());
        NativeStruct tv = (NativeStruct) r.outValues().get("tv");
        long millis = (Long) tv.get("tv_sec") * 1000 + (Long) tv.get("tv_usec") / 1000;
        assertTrue(Math.abs(millis - System.currentTimeMillis()) < 1000);
    }

    @Test
    public void unameFillsAStructOfCharArrays() throws Exception {
        FunctionInvoker uname = function(libc, "uname", "(out utsname{sysname:byte[65],nodename:byte[65],"
                + "release:byte[65],version:byte[65],machine:byte[65],domainname:byte[65]})int");
        NativeCallResult r = uname.call(new Object[0]);
        assertEquals(0, r.value());
        NativeStruct u = (NativeStruct) r.outValues().get("arg1");
        assertEquals("Linux", u.string("sysname"));
        assertEquals(System.getProperty("os.version"), u.string("release"));
    }

    @Test
    public void strtoulReturnsUnsignedAndCapturesErrno() throws Exception {
        FunctionInvoker strtoul = function(libc, "strtoul", "(string,pointer,int)size_t errno");
        NativeCallResult max = strtoul.call(new Object[] {"18446744073709551615", 0L, 10});
        assertEquals("18446744073709551615", Long.toUnsignedString((Long) max.value()));
        assertTrue(max.errno().isPresent());
        NativeCallResult over = strtoul.call(new Object[] {"18446744073709551616", 0L, 10});
        assertEquals(-1L, over.value());
        assertEquals(OptionalInt.of(ERANGE), over.errno());
        assertEquals(java.util.Optional.of("Numerical result out of range"), over.errnoMessage());
        NativeCallResult hex = strtoul.call(new Object[] {"ff", 0L, 16});
        assertEquals(255L, hex.value());
    }

    @Test
    public void errnoIsPerThread() throws Exception {
        FunctionInvoker strtoul = function(libc, "strtoul", "(string,pointer,int)ulong errno");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean overflow = t % 2 == 0;
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        NativeCallResult r = strtoul.call(new Object[] {overflow ? "99999999999999999999999" : "0", 0L, 10});
                        // a thread that never overflows never sees ERANGE: errno is the calling thread's
                        if (overflow != (r.errno().getAsInt() == ERANGE)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> f : results) {
                assertTrue("a thread saw another thread's errno", f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void inoutAndUnsignedParameters() throws Exception {
        // strtol's endptr as an inout pointer: in 0, out the address after the digits
        FunctionInvoker strtol = function(libc, "strtol", "(pointer s, inout pointer end, int)long");
        byte[] text = "42xyz\0".getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(text.length).put(text);
        long address = com.kenai.jffi.MemoryIO.getInstance().getDirectBufferAddress(direct);
        NativeCallResult r = strtol.call(new Object[] {address, 0L, 10});
        assertEquals(42L, r.value());
        assertEquals(address + 2, r.outValues().get("end"));
        java.lang.ref.Reference.reachabilityFence(direct);
        // labs on a ulong: the 64 bits of -5 go in, 5 comes back
        FunctionInvoker labs = function(libc, "labs", "(ulong)ulong");
        assertEquals(5L, labs.invoke(new Object[] {-5L}));
    }

    @Test
    public void arraysAreCopiedInOutOrBoth() throws Exception {
        // in: strlen reads the copy
        FunctionInvoker strlen = function(libc, "strlen", "(byte[] s)size_t");
        assertEquals(5L, strlen.invoke(new Object[] {"hello\0world\0".getBytes(StandardCharsets.US_ASCII)}));
        // inout: memset writes into the copy, which comes back into the caller's array
        FunctionInvoker memset = function(libc, "memset", "(inout byte[] s, int c, size_t n)pointer");
        byte[] bytes = {1, 2, 3, 4};
        NativeCallResult set = memset.call(new Object[] {bytes, 9, 2L});
        assertEquals(List.of((byte) 9, (byte) 9, (byte) 3, (byte) 4), List.of(bytes[0], bytes[1], bytes[2], bytes[3]));
        assertTrue(set.outValues().get("s") == bytes);
        // out: pipe fills two descriptors, which close then accepts
        FunctionInvoker pipe = function(libc, "pipe", "(out int[] fds)int");
        FunctionInvoker closeFd = function(libc, "close", "(int)int");
        int[] fds = {-1, -1};
        assertEquals(0, pipe.call(new Object[] {fds}).value());
        try {
            assertTrue(fds[0] > 2 && fds[1] > 2 && fds[0] != fds[1]);
        } finally {
            assertEquals(0, closeFd.invoke(new Object[] {fds[0]}));
            assertEquals(0, closeFd.invoke(new Object[] {fds[1]}));
        }
        // out double[]: getloadavg writes as many as asked
        FunctionInvoker load = function(libc, "getloadavg", "(out double[] avg, int n)int");
        double[] avg = {-1, -1, -1};
        assertEquals(3, load.call(new Object[] {avg, 3}).value());
        assertTrue(avg[0] >= 0 && avg[1] >= 0 && avg[2] >= 0);
        // null is a null pointer
        assertEquals(0L, function(libc, "strnlen", "(byte[], size_t)size_t").invoke(new Object[] {null, 0L}));
    }

    @Test
    public void arraysOfUnsignedTypesAndBooleansTravelInTheirCWidth() throws Exception {
        // in ubyte[]: 200 must reach C as the byte 0xC8, which memcmp compares unsigned
        FunctionInvoker memcmp = function(libc, "memcmp", "(ubyte[] a, ubyte[] b, size_t n)int");
        assertTrue((Integer) memcmp.invoke(new Object[] {new short[] {1, 200}, new short[] {1, 100}, 2L}) > 0);
        assertEquals(0, memcmp.invoke(new Object[] {new short[] {0, 255}, new short[] {0, 255}, 2L}));
        // out ubyte[]: read back zero-extended
        FunctionInvoker memset = function(libc, "memset", "(out ubyte[] s, int c, size_t n)pointer");
        short[] set = new short[3];
        assertSame(set, memset.call(new Object[] {set, 0xAB, 2L}).outValues().get("s"));
        assertArrayEquals(new short[] {0xAB, 0xAB, 0}, set);
        // inout uint[] and ushort[]: C copies the bytes, Java sees the same unsigned values again
        FunctionInvoker moveUints = function(libc, "memmove", "(inout uint[] dst, uint[] src, size_t n)pointer");
        long[] uints = {1, 2, 3};
        moveUints.call(new Object[] {uints, new long[] {4294967295L, 2147483648L}, 8L});
        assertArrayEquals(new long[] {4294967295L, 2147483648L, 3}, uints);
        FunctionInvoker moveUshorts = function(libc, "memmove", "(inout ushort[] dst, ushort[] src, size_t n)pointer");
        int[] ushorts = {0, 0};
        moveUshorts.call(new Object[] {ushorts, new int[] {65535, 32768}, 4L});
        assertArrayEquals(new int[] {65535, 32768}, ushorts);
        // ulong[] is a long[] of the same width: its bits
        FunctionInvoker moveUlongs = function(libc, "memmove", "(out ulong[] dst, ulong[] src, size_t n)pointer");
        long[] ulongs = new long[1];
        moveUlongs.call(new Object[] {ulongs, new long[] {-1L}, 8L});
        assertEquals("18446744073709551615", Long.toUnsignedString(ulongs[0]));
        // boolean[]: C ints of 1 and 0
        FunctionInvoker bools = function(libc, "memcpy", "(out int[] dst, boolean[] src, size_t n)pointer");
        int[] ints = new int[3];
        bools.call(new Object[] {ints, new boolean[] {true, false, true}, 12L});
        assertArrayEquals(new int[] {1, 0, 1}, ints);
        FunctionInvoker backToBools = function(libc, "memcpy", "(out boolean[] dst, int[] src, size_t n)pointer");
        boolean[] flags = new boolean[3];
        backToBools.call(new Object[] {flags, new int[] {0, 7, 1}, 12L});
        assertArrayEquals(new boolean[] {false, true, true}, flags);
    }

    @Test
    public void anArrayOfStructsIsLaidOutStructAfterStructWithItsPadding() throws Exception {
        NativeSignature signature = NativeSignature.parse("(out byte[] dst, p{a:byte,b:long}[] src, size_t n)pointer");
        NativeStructType p = signature.parameterList().get(1).structType().orElseThrow();
        assertEquals(16, p.size());
        FunctionInvoker memcpy = libc.function("memcpy", signature);
        byte[] bytes = new byte[32];
        memcpy.call(new Object[] {bytes, new NativeStruct[] {NativeStruct.of(p, Map.of("a", (byte) 7, "b", 1L << 40)),
            NativeStruct.of(p, Map.of("a", (byte) -1, "b", -2L))}, 32L});
        java.nio.ByteBuffer c = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.nativeOrder());
        assertEquals(7, c.get(0));
        assertEquals(1L << 40, c.getLong(8));
        assertEquals(-1, c.get(16));
        assertEquals(-2L, c.getLong(24));
        // and back: out p[] fills the caller's NativeStruct[] with new structs
        FunctionInvoker back = libc.function("memcpy",
                NativeSignature.parse("(out p{a:byte,b:long}[] dst, byte[] src, size_t n)pointer"));
        NativeStruct[] structs = new NativeStruct[2];
        back.call(new Object[] {structs, bytes, 32L});
        assertEquals(List.of(7L, 1L << 40, -1L, -2L), List.of(((Byte) structs[0].get("a")).longValue(),
                structs[0].get("b"), ((Byte) structs[1].get("a")).longValue(), structs[1].get("b")));
    }

    @Test
    public void qsortSortsAnInoutArrayOfStructsWithAJavaComparator() throws Exception {
        NativeSignature signature = NativeSignature.parse("(inout div_t{quot:int,rem:int}[] base, size_t n, size_t size,"
                + " comparator(pointer,pointer)int cmp)void");
        NativeStructType divT = signature.parameterList().get(0).structType().orElseThrow();
        FunctionInvoker qsort = libc.function("qsort", signature);
        com.kenai.jffi.MemoryIO io = com.kenai.jffi.MemoryIO.getInstance();
        NativeStruct[] values = new NativeStruct[500];
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < values.length; i++) {
            int quot = random.nextInt(1000);
            values[i] = NativeStruct.of(divT, Map.of("quot", quot, "rem", quot % 7));
        }
        List<NativeStruct> expected = new ArrayList<>(List.of(values));
        expected.sort(java.util.Comparator.comparingInt(v -> (Integer) v.get("quot")));
        io.nativebundle.api.NativeCallback byQuot = args -> Integer.compare(io.getInt((Long) args[0]),
                io.getInt((Long) args[1]));
        qsort.call(new Object[] {values, (long) values.length, 8L, byQuot});
        // qsort is not stable, but each struct keeps its own rem: compare the (quot, rem) pairs
        assertEquals(expected.stream().map(v -> v.get("quot") + "/" + v.get("rem")).toList(),
                Stream.of(values).map(v -> v.get("quot") + "/" + v.get("rem")).toList());
    }

    @Test
    public void aVariadicFunctionIsCalledWithThePromotedArgumentsOfItsDeclaration() throws Exception {
        FunctionInvoker snprintf = function(libc, "snprintf",
                "(inout byte[] dst, size_t n, string fmt, ..., int, double, string, ulong)int");
        byte[] out = new byte[64];
        int written = (Integer) snprintf.invoke(new Object[] {out, 64L, "%d|%.3f|%s|%lu", -42, Math.PI, "x",
            -1L});
        String expected = "-42|3.142|x|18446744073709551615";
        assertEquals(expected.length(), written);
        assertEquals(expected, new String(out, 0, written, StandardCharsets.US_ASCII));
    }

    @Test
    public void aStructPassedByValue() throws Exception {
        // inet_ntoa takes struct in_addr { uint32_t s_addr } by value
        FunctionInvoker ntoa = function(libc, "inet_ntoa", "(in_addr{s_addr:uint})string");
        NativeStructType inAddr = NativeSignature.parse("(in_addr{s_addr:uint})string").parameterList().get(0)
                .structType().orElseThrow();
        // 1.2.3.4 in network byte order, read as a little-endian uint
        long bits = java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}).order(java.nio.ByteOrder.nativeOrder()).getInt()
                & 0xFFFF_FFFFL;
        assertEquals("1.2.3.4", ntoa.invoke(new Object[] {NativeStruct.of(inAddr, Map.of("s_addr", bits))}));
    }

    /**
     * {@code callStructBytes}, the routed methods' path: a struct argument's bytes go to C as they
     * are and a struct result or out value comes back as C's bytes, the bytes of what {@code call}
     * gives as {@code NativeStruct}s; from many threads at once.
     */
    @Test
    public void structsAsBytesAreTheBytesOfTheNativeStructPathFromManyThreads() throws Exception {
        NativeSignature divSignature = NativeSignature.parse("(int,int)div_t{quot:int,rem:int}");
        NativeSignature ntoaSignature = NativeSignature.parse("(in_addr{s_addr:uint})string");
        NativeSignature timeSignature = NativeSignature.parse("(out timeval{tv_sec:long,tv_usec:long} tv, pointer)int");
        FunctionInvoker div = libc.function("div", divSignature);
        FunctionInvoker ntoa = libc.function("inet_ntoa", ntoaSignature);
        FunctionInvoker gettimeofday = libc.function("gettimeofday", timeSignature);
        NativeStructType timeval = timeSignature.parameterList().get(0).structType().orElseThrow();
        byte[] tv = (byte[]) gettimeofday.callStructBytes(timeSignature, new Object[] {0L}).outValues().get("tv");
        long millis = (Long) ValueCodec.decode(timeval, tv, 0).get("tv_sec") * 1000;
        assertTrue(millis + " ms", Math.abs(System.currentTimeMillis() - millis) < 2_000);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < 500; i++) {
                        int a = random.nextInt(), b = random.nextInt(1000) + 1;
                        byte[] q = (byte[]) div.callStructBytes(divSignature, new Object[] {a, b}).value();
                        assertArrayEquals(ValueCodec.encode((NativeStruct) div.invoke(new Object[] {a, b})), q);
                        assertEquals(a % b, ValueCodec.decode(divSignature.returnStructType().orElseThrow(), q, 0)
                                .get("rem"));
                        byte[] address = {(byte) seed, (byte) i, 3, (byte) (i >> 8)};
                        assertEquals((seed & 0xFF) + "." + (i & 0xFF) + ".3." + ((i >> 8) & 0xFF),
                                ntoa.callStructBytes(ntoaSignature, new Object[] {address.clone()}).value());
                    }
                    return seed;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                assertEquals(t, (int) results.get(t).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
