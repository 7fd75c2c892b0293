package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Test;

import io.nativebundle.api.NativeSignature;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;

/** A typed interface's {@code @Delegate} callbacks run as the generation's upcall stubs. */
public class DelegateArgumentsTest {

    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    /** qsort's comparator: the two elements' addresses. */
    public interface Comparator {
        @Delegate
        int compare(@intptr_t long a, @intptr_t long b);
    }

    public interface Libc {
        void qsort(int[] base, @size_t long count, @size_t long size, Comparator comparator);
    }

    private final JnrUpcalls upcalls = new JnrUpcalls("libc");

    @After
    public void close() {
        upcalls.close();
    }

    private Libc bind() throws Exception {
        assumeTrue("glibc x86-64 only", Files.exists(LIBC));
        return LibraryBinder.bind(Libc.class, LIBC, List.of(), upcalls);
    }

    private static int at(long address) {
        return Runtime.getSystemRuntime().getMemoryManager().newPointer(address).getInt(0);
    }

    @Test
    public void theCallbackTypeIsTheContractsReadingOfTheDelegateMethod() {
        assertEquals(NativeSignature.parse("(pointer,pointer)int"),
            DelegateArguments.signature(DelegateArguments.delegateMethod(Comparator.class)));
    }

    @Test
    public void cCallsTheJavaCallbackThroughOneStubPerObject() throws Exception {
        Libc libc = bind();
        Comparator descending = (a, b) -> Integer.compare(at(b), at(a));
        int[] values = {3, -1, 7, 0};
        libc.qsort(values, 4, 4, descending);
        DelegateArguments.returned();
        assertArrayEquals(new int[] {7, 3, 0, -1}, values);
        libc.qsort(values, 4, 4, descending);
        DelegateArguments.returned();
        assertEquals("the same object keeps its stub", 1, upcalls.size());
    }

    @Test
    public void anExceptionOfTheCallbackIsCountedAndRethrownToTheCaller() throws Exception {
        Libc libc = bind();
        IllegalStateException thrown = new IllegalStateException("no order");
        libc.qsort(new int[] {2, 1}, 2, 4, (a, b) -> {
            throw thrown;
        });
        // what the guard calls right after the method returned
        IllegalStateException e = assertThrows(IllegalStateException.class, DelegateArguments::returned);
        assertSame(thrown, e);
        assertEquals(1, upcalls.errors());
        // the scope is closed: a later call without an exception returns normally
        int[] values = {2, 1};
        libc.qsort(values, 2, 4, (a, b) -> Integer.compare(at(a), at(b)));
        DelegateArguments.returned();
        assertArrayEquals(new int[] {1, 2}, values);
    }

    @Test
    public void threadsSortWithTheirOwnCallbacksAtOnce() throws Exception {
        Libc libc = bind();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    // capturing, so each thread passes its own object
                    Comparator ascending = (a, b) -> seed >= 0 ? Integer.compare(at(a), at(b)) : 0;
                    Random random = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        int[] values = random.ints(32).toArray();
                        int[] expected = values.clone();
                        Arrays.sort(expected);
                        libc.qsort(values, values.length, 4, ascending);
                        DelegateArguments.returned();
                        if (!Arrays.equals(expected, values)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, upcalls.size());
    }
}
