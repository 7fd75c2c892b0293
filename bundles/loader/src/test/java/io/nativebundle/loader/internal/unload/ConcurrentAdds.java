package io.nativebundle.loader.internal.unload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;

import io.nativebundle.api.NativeLibraryUnloadedException;

/**
 * Threads that each call {@code add(base, i)} for i = 0, 1, 2... through a guarded path until a
 * call is refused with {@link NativeLibraryUnloadedException}, checking every sum: what an unload
 * under load must leave is the right value or "unloaded" for every call, and nothing else.
 */
final class ConcurrentAdds {

    final AtomicLong attempts = new AtomicLong();
    final AtomicLong successes = new AtomicLong();
    final AtomicLong unloaded = new AtomicLong();
    final AtomicReference<Throwable> other = new AtomicReference<>();
    private final CountDownLatch warm;
    private final List<Thread> callers = new ArrayList<>();

    /**
     * @param paths the path thread {@code t} calls through, e.g. the typed guard or a NativeFunction
     */
    ConcurrentAdds(int threads, IntFunction<IntBinaryOperator> paths) {
        warm = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int base = t * 1000;
            IntBinaryOperator add = paths.apply(t);
            Thread caller = new Thread(() -> call(base, add), "caller-" + t);
            callers.add(caller);
            caller.start();
        }
    }

    private void call(int base, IntBinaryOperator add) {
        for (int i = 0; ; i++) {
            attempts.incrementAndGet();
            try {
                int r = add.applyAsInt(base, i);
                if (r != base + i) {
                    other.compareAndSet(null, new AssertionError("add(" + base + ", " + i + ") = " + r));
                }
                successes.incrementAndGet();
                if (i == 10) {
                    warm.countDown();
                }
            } catch (NativeLibraryUnloadedException e) {
                unloaded.incrementAndGet();
                return;
            } catch (Throwable e) {
                other.compareAndSet(null, e);
                return;
            }
        }
    }

    /** Waits until every thread has made more than ten successful calls. */
    boolean awaitCalling() throws InterruptedException {
        return warm.await(10, TimeUnit.SECONDS);
    }

    /** Waits for every thread to end. */
    void join() throws InterruptedException {
        for (Thread caller : callers) {
            caller.join(5_000);
        }
    }
}
