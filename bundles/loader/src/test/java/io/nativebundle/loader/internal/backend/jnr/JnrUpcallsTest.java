package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.kenai.jffi.MemoryIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
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

/**
 * Upcalls through the jnr backend: qsort of the host's C library with a Java comparator, against
 * Arrays.sort; the lifecycle rules of {@link NativeCallback} (stubs per generation, refused after the
 * cut and when the owner stopped, exceptions rethrown to the enclosing call, threads C creates).
 */
public class JnrUpcallsTest {

    private static final MemoryIO IO = MemoryIO.getInstance();
    private static final String QSORT = "(pointer base, size_t n, size_t size, comparator(pointer,pointer)int cmp)void";
    private static final String INT_CALLBACK = "cb(int)int";

    private JnrLibrary libc;
    private JnrLibrary upcalls;

    @Before
    public void open() throws Exception {
        libc = (JnrLibrary) new JnrBackend().open(JnrAbiFunctionTest.system("libc.so.6"), List.of());
        upcalls = (JnrLibrary) new JnrBackend().open(Path.of(System.getProperty("nativebundle.test.libupcalls")),
                List.of());
    }

    @After
    public void close() {
        libc.close();
        upcalls.close();
    }

    private static final NativeCallback BY_INT = args -> Integer.compare(IO.getInt((Long) args[0]),
            IO.getInt((Long) args[1]));

    @Test
    public void qsortWithAJavaComparatorSortsLikeArraysSort() throws Exception {
        FunctionInvoker qsort = libc.function("qsort", NativeSignature.parse(QSORT));
        int[] values = new Random(15).ints(10_000).toArray();
        int[] sorted = qsortInC(qsort, values, BY_INT);
        int[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted);
        // the same callback object reuses its stub
        qsortInC(qsort, values, BY_INT);
        assertEquals(1, libcUpcalls().size());
    }

    @Test
    public void anExceptionOfTheCallbackIsRethrownToTheCallerOfQsortAndCounted() throws Exception {
        UpcallErrors counted = new UpcallErrors();
        FunctionInvoker qsort = libc.function("qsort", NativeSignature.parse(QSORT), counted);
        IllegalStateException thrown = new IllegalStateException("comparator gave up");
        AtomicInteger calls = new AtomicInteger();
        NativeCallback failing = args -> {
            if (calls.incrementAndGet() == 3) {
                throw thrown;
            }
            return BY_INT.invoke(args);
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> qsortInC(qsort, new int[] {5, 4, 3, 2, 1, 9, 8, 7}, failing));
        assertSame(thrown, e);
        assertEquals(1, libcUpcalls().errors());
        assertEquals(1, counted.exceptions());
        assertEquals(0, counted.staleCalls() + counted.refusedCalls());
        // the thread is clean: the next call with the comparator sorts and throws nothing
        assertArrayEquals(new int[] {1, 2, 3}, qsortInC(qsort, new int[] {3, 1, 2}, BY_INT));
    }

    @Test
    public void aCheckedExceptionArrivesAsItselfAndLaterOnesAreSuppressed() throws Exception {
        FunctionInvoker twice = upcalls.function("call_twice", NativeSignature.parse("(" + INT_CALLBACK + ",int)int"));
        AtomicInteger n = new AtomicInteger();
        NativeCallback failing = args -> {
            throw new java.io.IOException("failure " + n.incrementAndGet());
        };
        Exception e = assertThrows(Exception.class, () -> twice.call(new Object[] {failing, 1}));
        assertTrue(e instanceof java.io.IOException);
        assertEquals("failure 1", e.getMessage());
        assertEquals("failure 2", e.getSuppressed()[0].getMessage());
        assertEquals(2, upcallsOf(upcalls).errors());
    }

    @Test
    public void aResultTheReturnTypeCannotHoldIsAnErrorOfTheCallback() throws Exception {
        FunctionInvoker twice = upcalls.function("call_twice", NativeSignature.parse("(" + INT_CALLBACK + ",int)int"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twice.call(new Object[] {(NativeCallback) args -> 1L << 40, 1}));
        assertEquals("callback (int)int returned 1099511627776, which is not int (-2147483648 to 2147483647)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> twice.call(new Object[] {(NativeCallback) args -> "7", 1}));
        assertEquals("callback (int)int must return int but returned String 7", e.getMessage());
        assertEquals(7, twice.call(new Object[] {(NativeCallback) args -> (Integer) args[0] + 2, 1}).value());
    }

    @Test
    public void aCallbackOnAThreadCCreatedRunsAttachedAndTheThreadIsDetachedAfterwards() throws Exception {
        UpcallErrors counted = new UpcallErrors();
        FunctionInvoker fromThread = upcalls.function("call_from_new_thread",
                NativeSignature.parse("(" + INT_CALLBACK + ",int)int"), counted);
        AtomicReference<Thread> seen = new AtomicReference<>();
        NativeCallback doubling = args -> {
            seen.set(Thread.currentThread());
            return (Integer) args[0] * 2;
        };
        for (int i = 0; i < 20; i++) {
            assertEquals(2 * i, fromThread.call(new Object[] {doubling, i}).value());
            assertNotSame(Thread.currentThread(), seen.get());
            // pthread_join returned: the thread ended, so the JVM must have let it go
            assertFalse("thread " + seen.get() + " is still attached", seen.get().isAlive());
        }
        // an exception there has no enclosing call on that thread: logged and counted, C got zero
        NativeCallback failing = args -> {
            throw new IllegalStateException("on a C thread");
        };
        assertEquals(0, fromThread.call(new Object[] {failing, 4}).value());
        assertEquals(1, upcallsOf(upcalls).errors());
        assertEquals(1, counted.exceptions());
    }

    @Test
    public void aKeptPointerIsRefusedAfterTheCutAndTheStubsAreFreedOnClose() throws Exception {
        UpcallErrors counted = new UpcallErrors();
        FunctionInvoker keep = upcalls.function("keep_callback", NativeSignature.parse("(" + INT_CALLBACK + ")void"),
                counted);
        FunctionInvoker callKept = upcalls.function("call_kept", NativeSignature.parse("(int)int"));
        AtomicInteger ran = new AtomicInteger();
        keep.call(new Object[] {(NativeCallback) args -> ran.incrementAndGet() + (Integer) args[0]});
        assertEquals(11, callKept.invoke(new Object[] {10}));
        upcalls.cut();
        assertEquals(0, callKept.invoke(new Object[] {10}));
        assertEquals(1, ran.get());
        assertEquals(1, upcallsOf(upcalls).errors());
        // counted against keep_callback, the function the callback was passed to, as refused
        assertEquals(1, counted.refusedCalls());
        assertEquals(0, counted.staleCalls() + counted.exceptions());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> keep.call(new Object[] {(NativeCallback) args -> 1}));
        assertTrue(e.getMessage(), e.getMessage().endsWith("are cut"));
        keep.call(new Object[] {null});
        assertEquals(1, upcallsOf(upcalls).size());
        upcalls.close();
        assertEquals(0, upcallsOf(upcalls).size());
        upcalls = (JnrLibrary) new JnrBackend().open(Path.of(System.getProperty("nativebundle.test.libupcalls")),
                List.of());
    }

    @Test
    public void aKeptPointerIsRefusedOnceItsOwnerStopped() throws Exception {
        AtomicBoolean ownerRunning = new AtomicBoolean(true);
        JnrUpcalls stubs = new JnrUpcalls("test", type -> ownerRunning::get);
        UpcallErrors counted = new UpcallErrors();
        JnrAbiFunction keep = new JnrAbiFunction(NativeSignature.parse("(" + INT_CALLBACK + ")void"),
                upcalls.address("keep_callback"), stubs, counted);
        FunctionInvoker callKept = upcalls.function("call_kept", NativeSignature.parse("(int)int"));
        AtomicInteger ran = new AtomicInteger();
        try {
            keep.call(new Object[] {(NativeCallback) args -> ran.incrementAndGet() * 100});
            assertEquals(100, callKept.invoke(new Object[] {1}));
            ownerRunning.set(false);
            assertEquals(0, callKept.invoke(new Object[] {1}));
            assertEquals(1, ran.get());
            assertEquals(1, stubs.errors());
            assertEquals(1, counted.staleCalls());
            assertEquals(0, counted.refusedCalls() + counted.exceptions());
        } finally {
            keep.call(new Object[] {null});
            stubs.close();
        }
    }

    @Test
    public void fourThreadsSortAtOnceEachWithItsOwnComparatorAndFailures() throws Exception {
        UpcallErrors counted = new UpcallErrors();
        FunctionInvoker qsort = libc.function("qsort", NativeSignature.parse(QSORT), counted);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit((Callable<Void>) () -> {
                    Random random = new Random(seed);
                    for (int round = 0; round < 50; round++) {
                        int[] values = random.ints(500).toArray();
                        if (round % 5 == 0) {
                            RuntimeException mine = new RuntimeException("thread " + seed + " round " + round);
                            NativeCallback failing = args -> {
                                throw mine;
                            };
                            assertSame(mine, assertThrows(RuntimeException.class,
                                    () -> qsortInC(qsort, values, failing)));
                        } else {
                            int[] expected = values.clone();
                            Arrays.sort(expected);
                            assertArrayEquals(expected, qsortInC(qsort, values, BY_INT));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // every call of a failing comparator is an error: at least one per failed sort
        assertTrue(libcUpcalls().errors() + " errors", libcUpcalls().errors() >= 4 * 10);
        // no lost update under contention: the function's counter saw every one of them
        assertEquals(libcUpcalls().errors(), counted.exceptions());
    }

    private JnrUpcalls libcUpcalls() {
        return upcallsOf(libc);
    }

    private static JnrUpcalls upcallsOf(JnrLibrary library) {
        return library.upcalls();
    }

    /** Copies {@code values} into C memory, sorts them there with qsort and {@code comparator}, reads them back. */
    static int[] qsortInC(FunctionInvoker qsort, int[] values, NativeCallback comparator) {
        long base = IO.allocateMemory(4L * values.length, true);
        try {
            for (int i = 0; i < values.length; i++) {
                IO.putInt(base + 4L * i, values[i]);
            }
            qsort.call(new Object[] {base, (long) values.length, 4L, comparator});
            int[] sorted = new int[values.length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = IO.getInt(base + 4L * i);
            }
            return sorted;
        } finally {
            IO.freeMemory(base);
        }
    }
}
