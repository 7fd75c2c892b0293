package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertEquals;

import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import jnr.ffi.annotations.SaveError;

/**
 * A typed method annotated {@code @SaveError} records what the backend saved of errno as its
 * generation's last errno of the calling thread; other methods record nothing.
 */
public class GuardErrnoTest {

    public interface Errnos {
        @SaveError
        int fails(int errno);

        int plain(int errno);
    }

    /** Stands in for jffi: the "C function" leaves its errno in a thread-local the backend reads. */
    private static final ThreadLocal<Integer> SAVED = new ThreadLocal<>();

    private static final class Target implements Errnos {
        @Override
        public int fails(int errno) {
            SAVED.set(errno);
            return -1;
        }

        @Override
        public int plain(int errno) {
            SAVED.set(errno);
            return 0;
        }
    }

    private static final class Backend implements BackendLibrary {
        @Override
        public <T> T bind(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exports(String symbol) {
            return false;
        }

        @Override
        public FunctionInvoker function(String symbol, NativeSignature signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VariableAccessor variable(String symbol, NativeType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> close() {
            return List.of();
        }

        @Override
        public OptionalInt savedErrno() {
            return OptionalInt.of(SAVED.get());
        }
    }

    private static LibraryGeneration generation() {
        LibraryGeneration generation = new LibraryGeneration("calc", new Version(1, 2, 0), 7L, 3L, "test.calc", null,
            List.of(), new ReferenceQueue<>());
        generation.opened("test", new Backend());
        return generation;
    }

    @Test
    public void onlyASaveErrorMethodRecordsItsErrno() throws Exception {
        LibraryGeneration generation = generation();
        Errnos guard = GuardFactory.of(Errnos.class).guard(generation, new Target(), null);

        assertEquals(OptionalInt.empty(), generation.lastErrno().get());
        assertEquals(-1, guard.fails(34));
        assertEquals(OptionalInt.of(34), generation.lastErrno().get());
        assertEquals(0, guard.plain(2));
        assertEquals("a method without @SaveError leaves the last errno alone", OptionalInt.of(34),
            generation.lastErrno().get());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertEquals("another thread has its own", OptionalInt.empty(),
                other.submit(() -> generation.lastErrno().get()).get(1, TimeUnit.MINUTES));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    public void concurrentCallersEachReadTheirOwnLastErrno() throws Exception {
        LibraryGeneration generation = generation();
        Errnos guard = GuardFactory.of(Errnos.class).guard(generation, new Target(), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 1000;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        guard.fails(base + i % 100);
                        guard.plain(-1);
                        assertEquals(OptionalInt.of(base + i % 100), generation.lastErrno().get());
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
