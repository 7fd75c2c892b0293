package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.call.Lease;
import io.nativebundle.loader.internal.call.NativeFunctionService;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/**
 * Bad input to FFM's C ABI functions, through the loader's {@code NativeFunction} guard as a
 * consumer calls them: the checks both backends share refuse it with a named error before the
 * FFM invoker gets it, and the function keeps working afterwards, from several threads.
 */
public class FfmGuardedCallsTest {

    private static final Path ABITEST = Path.of(System.getProperty("nativebundle.test.libabitest",
            "target/test-natives/libabitest.so")).toAbsolutePath();
    private static final String POINT = "point{x:int,y:int}";

    private static BackendLibrary abi;

    @BeforeClass
    public static void open() throws Exception {
        abi = new FfmBackend(new JnrBackend()).open(ABITEST, List.of());
    }

    @AfterClass
    public static void close() {
        assertEquals(List.of(), abi.close());
    }

    /** {@code symbol} as the loader publishes it: the guard around FFM's invoker. */
    private static NativeFunction function(String symbol, String signature) throws Exception {
        NativeSignature parsed = NativeSignature.parse(signature);
        return new NativeFunctionService(symbol, parsed, description(), abi.function(symbol, parsed, new UpcallErrors()),
                new OpenLease(), new SymbolMetrics("abitest", symbol, true));
    }

    /** The guard only hands its library out ({@code library()}); nothing here asks it anything. */
    private static NativeLibrary description() {
        return (NativeLibrary) Proxy.newProxyInstance(NativeLibrary.class.getClassLoader(),
                new Class<?>[] {NativeLibrary.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The lease of a generation that stays open for the test. */
    private static final class OpenLease implements Lease {
        @Override
        public boolean acquire() {
            return true;
        }

        @Override
        public void release() {
        }

        @Override
        public NativeLibraryUnloadedException unloaded() {
            return new NativeLibraryUnloadedException("abitest", 1L);
        }
    }

    @Test
    public void aStructOfAnotherLayoutIsRefusedNamingWhatWasExpectedAndWhatCame() throws Exception {
        NativeFunction add = function("point_add", "(" + POINT + "," + POINT + ")" + POINT);
        NativeStructType point = NativeSignature.parse("()" + POINT).returnStructType().orElseThrow();
        NativeStructType other = NativeSignature.parse("()point{x:long,y:long}").returnStructType().orElseThrow();
        NativeStruct good = NativeStruct.of(point, Map.of("x", 1, "y", 2));
        String expected = "point_add" + add.signature() + ": argument 2 must be a NativeStruct of " + point + " but is ";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> add.call(good, NativeStruct.of(other, Map.of("x", 1L, "y", 2L))));
        assertTrue(e.getMessage(), e.getMessage().startsWith(expected) && e.getMessage().contains("x=1, y=2"));
        e = assertThrows(IllegalArgumentException.class, () -> add.call(good, Map.of("x", 1, "y", 2)));
        assertTrue(e.getMessage(), e.getMessage().startsWith(expected));
        e = assertThrows(IllegalArgumentException.class, () -> add.call(good, null));
        assertTrue(e.getMessage(), e.getMessage().startsWith(expected));
        assertEquals("{x=2, y=4}", add.invoke(good, good).toString());
    }

    @Test
    public void anUnsignedValueOutOfRangeIsRefusedNeverTruncated() throws Exception {
        NativeFunction next = function("next_u8", "(ubyte)ubyte");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> next.invoke((short) 256));
        assertEquals("next_u8(ubyte)ubyte: argument 1 must be ubyte (0 to 255) but is 256", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> function("next_u32", "(uint)uint").invoke(-1L));
        assertEquals("next_u32(uint)uint: argument 1 must be uint (0 to 4294967295) but is -1", e.getMessage());
        assertEquals((short) 0, next.invoke((short) 255));
    }

    @Test
    public void aWrongArrayOrCallbackIsRefusedNamingTheArgument() throws Exception {
        NativeFunction sum = function("sum_ints", "(int[] v,int n)long");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sum.invoke(new long[] {1, 2}, 2));
        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "sum_ints(int[] v,int n)long: argument 1 must be int[] or null but is long["));
        NativeFunction callN = function("call_n", "(int n,cb(int)int)long");
        e = assertThrows(IllegalArgumentException.class, () -> callN.invoke(3, "not a callback"));
        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "call_n(int n,cb(int)int)long: argument 2 must be a NativeCallback"));
        assertEquals(0L + 1 + 2 + 3, callN.invoke(3, (NativeCallback) a -> (Integer) a[0] + 1));
    }

    @Test
    public void theGuardedFunctionsAreCalledFromManyThreadsAtOnce() throws Exception {
        NativeFunction callN = function("call_n", "(int n,cb(int)int)long");
        NativeFunction divmod = function("divmod", "(int a,int b,out int q,out long r,out double x)int");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                NativeCallback times = a -> (Integer) a[0] * seed;
                results.add(pool.submit((Callable<Long>) () -> {
                    long sum = 0;
                    for (int i = 0; i < 500; i++) {
                        sum += (Long) callN.invoke(10, times);
                        assertEquals(i / (seed + 1), divmod.call(i, seed + 1).outValues().get("q"));
                    }
                    return sum;
                }));
            }
            for (int t = 0; t < 4; t++) {
                assertEquals(500L * 45 * t, (long) results.get(t).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
