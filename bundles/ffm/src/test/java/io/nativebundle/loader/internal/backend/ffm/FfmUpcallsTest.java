package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;

/**
 * Callbacks on FFM ({@link FfmUpcalls}, {@link FfmUpcallStub}) with the jnr backend's rules
 * (docs/c-abi.md, "Callbacks"): stubs owned by the generation and reused per callback object; an
 * exception never unwinds through C but is counted and rethrown to the caller of the enclosing
 * call, or logged on a thread C created; after the cut, or once the callback's bundle stopped, a
 * kept stub returns zero without entering the callback; C's own threads call back.
 */
public class FfmUpcallsTest {

    private static final Path UPCALLS = Path.of(System.getProperty("nativebundle.test.libupcalls",
            "target/test-natives/libupcalls.so")).toAbsolutePath();
    private static final String INT_CALLBACK = "cb(int)int";
    private static final String COMPARATOR = "cmp(pointer,pointer)int";

    private FfmLibrary upcalls;
    private FfmLibrary libc;

    @Before
    public void open() throws Exception {
        upcalls = (FfmLibrary) new FfmBackend(new JnrBackend()).open(UPCALLS, List.of());
        libc = (FfmLibrary) new FfmBackend(new JnrBackend()).open(FfmAbiFunctionTest.system("libc.so.6"), List.of());
    }

    @After
    public void close() {
        if (upcalls != null) {
            assertEquals(List.of(), upcalls.close());
        }
        assertEquals(List.of(), libc.close());
    }

    private FunctionInvoker function(FfmLibrary library, String symbol, String signature, UpcallErrors errors)
            throws Exception {
        return library.function(symbol, NativeSignature.parse(signature), errors);
    }

    /** Compares the two ints C passes by address. */
    private static final NativeCallback BY_INT = args -> Integer.compare(intAt((Long) args[0]), intAt((Long) args[1]));

    private static int intAt(long address) {
        return MemorySegment.ofAddress(address).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    @Test
    public void qsortSortsTenThousandIntsWithAJavaComparatorAndKeepsOneStubForIt() throws Exception {
        FunctionInvoker qsort = function(libc, "qsort", "(inout int[] base,size_t n,size_t size," + COMPARATOR + ")void",
                new UpcallErrors());
        int[] ints = new Random(7).ints(10_000).toArray();
        int[] sorted = ints.clone();
        Arrays.sort(sorted);
        qsort.call(new Object[] {ints, 10_000L, 4L, BY_INT});
        assertArrayEquals(sorted, ints);
        qsort.call(new Object[] {new int[] {3, 1, 2}, 3L, 4L, BY_INT});
        assertEquals("one stub for the same callback object and function", 1, libc.upcalls().size());
        qsort.call(new Object[] {new int[] {3, 1, 2}, 3L, 4L, (NativeCallback) BY_INT::invoke});
        assertEquals("a new object, a new stub", 2, libc.upcalls().size());
    }

    @Test
    public void everyArgumentAndResultTypeCrossesAsItsCarrier() throws Exception {
        FunctionInvoker twice = function(upcalls, "call_twice", "(" + INT_CALLBACK + ",int)int", new UpcallErrors());
        assertEquals(10 * 2 + 11 * 2, twice.invoke(new Object[] {(NativeCallback) a -> (Integer) a[0] * 2, 10}));
        // an unsigned callback: C's int bits read as uint, and a uint result up to 2^32-1
        FunctionInvoker unsigned = function(upcalls, "call_twice", "(cb(uint)uint,int)int", new UpcallErrors());
        List<Object> seen = new ArrayList<>();
        assertEquals(-2, unsigned.invoke(new Object[] {(NativeCallback) a -> {
            seen.add(a[0]);
            return 4_294_967_295L;
        }, -1}));
        assertEquals(List.of(4_294_967_295L, 0L), seen);
        FunctionInvoker bool = function(upcalls, "call_twice", "(cb(boolean)boolean,int)int", new UpcallErrors());
        assertEquals(1, bool.invoke(new Object[] {(NativeCallback) a -> !(Boolean) a[0], 0}));
    }

    @Test
    public void anExceptionIsCountedCGetsZeroAndTheCallerGetsTheSameObject() throws Exception {
        UpcallErrors errors = new UpcallErrors();
        FunctionInvoker twice = function(upcalls, "call_twice", "(" + INT_CALLBACK + ",int)int", errors);
        IOException thrown = new IOException("checked, from the callback");
        AtomicInteger entered = new AtomicInteger();
        NativeCallback failing = a -> {
            entered.incrementAndGet();
            throw thrown;
        };
        IOException caught = assertThrows(IOException.class, () -> twice.call(new Object[] {failing, 1}));
        assertSame(thrown, caught);
        assertEquals("C went on after the zero and called again", 2, entered.get());
        assertEquals(2, errors.exceptions());
        // the scope of the failed call is closed: the next call on this thread is clean
        assertEquals(2 + 3, twice.invoke(new Object[] {(NativeCallback) a -> (Integer) a[0] + 1, 1}));
    }

    @Test
    public void aResultItsTypeCannotHoldIsAnErrorOfTheCallbackNamingWhatItReturned() throws Exception {
        UpcallErrors errors = new UpcallErrors();
        FunctionInvoker twice = function(upcalls, "call_twice", "(cb(int)byte,int)int", errors);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twice.call(new Object[] {(NativeCallback) a -> 300, 1}));
        assertEquals("callback (int)byte returned 300, which is not byte (-128 to 127)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> twice.call(new Object[] {(NativeCallback) a -> "x", 1}));
        assertEquals("callback (int)byte must return byte but returned String x", e.getMessage());
        assertEquals(4, errors.exceptions());
    }

    @Test
    public void aCallbackFromAThreadCCreatedRunsAttachedAndItsExceptionIsLoggedNotThrown() throws Exception {
        UpcallErrors errors = new UpcallErrors();
        FunctionInvoker fromThread = function(upcalls, "call_from_new_thread", "(" + INT_CALLBACK + ",int)int", errors);
        AtomicReference<Thread> thread = new AtomicReference<>();
        assertEquals(42, fromThread.invoke(new Object[] {(NativeCallback) a -> {
            thread.set(Thread.currentThread());
            return (Integer) a[0] + 1;
        }, 41}));
        assertTrue("a thread of C's, not the caller's", thread.get() != Thread.currentThread());
        // no enclosing call on C's thread: the exception is counted and logged, C gets zero, the caller nothing
        assertEquals(0, fromThread.invoke(new Object[] {(NativeCallback) a -> {
            throw new IllegalStateException("on C's thread");
        }, 1}));
        assertEquals(1, errors.exceptions());
    }

    @Test
    public void afterTheCutAKeptStubReturnsZeroWithoutEnteringTheCallback() throws Exception {
        UpcallErrors errors = new UpcallErrors();
        FunctionInvoker keep = function(upcalls, "keep_callback", "(" + INT_CALLBACK + ")void", errors);
        FunctionInvoker callKept = function(upcalls, "call_kept", "(int)int", new UpcallErrors());
        AtomicInteger entered = new AtomicInteger();
        keep.call(new Object[] {(NativeCallback) a -> {
            entered.incrementAndGet();
            return (Integer) a[0] + 1;
        }});
        assertEquals(42, callKept.invoke(new Object[] {41}));
        upcalls.cut();
        assertEquals(0, callKept.invoke(new Object[] {41}));
        assertEquals(0, callKept.invoke(new Object[] {41}));
        assertEquals("never entered after the cut", 1, entered.get());
        assertEquals(2, errors.refusedCalls());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> keep.call(new Object[] {(NativeCallback) a -> 0}));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("are cut"));
    }

    @Test
    public void aKeptStubOfABundleThatStoppedIsStaleAndNeverEntered() throws Throwable {
        AtomicBoolean ownerRunning = new AtomicBoolean(true);
        try (Arena arena = Arena.ofShared()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup(UPCALLS, arena);
            FfmUpcalls stubs = new FfmUpcalls("test", arena, type -> ownerRunning::get);
            UpcallErrors errors = new UpcallErrors();
            FunctionInvoker keep = FfmAbiFunction.of(lookup.find("keep_callback").orElseThrow(),
                    NativeSignature.parse("(" + INT_CALLBACK + ")void"), stubs, errors, false);
            FunctionInvoker callKept = upcalls.function("call_kept", NativeSignature.parse("(int)int"));
            AtomicInteger entered = new AtomicInteger();
            keep.call(new Object[] {(NativeCallback) a -> {
                entered.incrementAndGet();
                return 7;
            }});
            // dlopen of the same file gives the same handle: this lookup and the generation share C's kept pointer
            FunctionInvoker callKeptHere = FfmAbiFunction.of(lookup.find("call_kept").orElseThrow(),
                    NativeSignature.parse("(int)uint"), stubs, errors, false);
            assertEquals(7L, callKeptHere.invoke(new Object[] {1}));
            ownerRunning.set(false);
            assertEquals(0L, callKeptHere.invoke(new Object[] {1}));
            assertEquals(1, entered.get());
            assertEquals(1, errors.staleCalls());
            assertEquals(1, stubs.errors());
            ownerRunning.set(true);
            assertEquals(7, callKept.invoke(new Object[] {1}));
            keep.call(new Object[] {null});
            stubs.close();
        }
    }

    @Test
    public void callbacksFromManyThreadsAtOnceAreCountedAndRethrownEachToItsOwnCaller() throws Exception {
        UpcallErrors errors = new UpcallErrors();
        FunctionInvoker qsort = function(libc, "qsort", "(inout int[] base,size_t n,size_t size," + COMPARATOR + ")void",
                errors);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    Random random = new Random(seed);
                    int failures = 0;
                    for (int i = 0; i < 50; i++) {
                        int[] ints = random.ints(200).toArray();
                        int[] sorted = ints.clone();
                        Arrays.sort(sorted);
                        qsort.call(new Object[] {ints, 200L, 4L, BY_INT});
                        assertArrayEquals(sorted, ints);
                        RuntimeException mine = new RuntimeException("thread " + seed + " call " + i);
                        try {
                            qsort.call(new Object[] {ints, 200L, 4L, (NativeCallback) a -> {
                                throw mine;
                            }});
                        } catch (RuntimeException e) {
                            assertSame("each caller gets the exception of its own call", mine, e);
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(50, (int) f.get(120, TimeUnit.SECONDS));
            }
            assertTrue(errors.exceptions() + " exceptions", errors.exceptions() >= threads * 50);
        } finally {
            pool.shutdownNow();
        }
    }
}
