package io.nativebundle.loader.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

/** Exact totals under contention, a sequence per thread, and threads that end. */
public class CallCounterTest {

    @Test
    public void oneThreadCountsOneTwoThree() {
        CallCounter c = new CallCounter();
        assertEquals(1, c.increment());
        assertEquals(2, c.increment());
        assertEquals(3, c.increment());
        assertEquals(3, c.sum());
    }

    @Test
    public void manyThreadsLoseNoIncrement() throws Exception {
        CallCounter c = new CallCounter();
        int threads = 12;
        int perThread = 250_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = run(threads, () -> {
            for (int i = 1; i <= perThread; i++) {
                long n = c.increment();
                if (n != i) {
                    failure.compareAndSet(null, new AssertionError("increment " + i + " of a thread returned " + n));
                    return;
                }
            }
        });
        // read while they run: never more than the final total, never going back
        long last = 0;
        for (Thread t : started) {
            while (t.isAlive()) {
                long now = c.sum();
                assertTrue(now + " after " + last, now >= last && now <= (long) threads * perThread);
                last = now;
            }
        }
        join(started);
        assertEquals(null, failure.get());
        assertEquals((long) threads * perThread, c.sum());
    }

    @Test
    public void endedThreadsKeepTheirCountsAndFreeTheirCells() throws Exception {
        CallCounter c = new CallCounter();
        long expected = 0;
        // five generations of a pool, each thread ends before the next generation starts
        for (int generation = 0; generation < 5; generation++) {
            List<Thread> started = run(8, () -> {
                for (int i = 0; i < 1_000; i++) {
                    c.increment();
                }
            });
            join(started);
            expected += 8 * 1_000;
            assertEquals(expected, c.sum());
            assertEquals("cells left by threads that ended", 0, c.threads());
        }
        // the fast field is free again: a new thread counts from 1 and the total goes on
        c.increment();
        assertEquals(expected + 1, c.sum());
        assertEquals(1, c.threads());
    }

    @Test
    public void aLiveThreadKeepsItsCellWhileOthersEnd() throws Exception {
        CallCounter c = new CallCounter();
        c.increment(); // this thread takes the fast field
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stays = new Thread(() -> {
            c.increment();
            counted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.increment();
        });
        stays.start();
        try {
            counted.await();
            join(run(4, c::increment));
            assertEquals(1 + 1 + 4, c.sum());
            assertEquals(2, c.threads());
        } finally {
            release.countDown();
            stays.join();
        }
        assertEquals(1 + 2 + 4, c.sum());
        assertEquals(1, c.threads());
    }

    private static List<Thread> run(int threads, Runnable work) {
        List<Thread> started = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int n = 0; n < threads; n++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                work.run();
            });
            t.start();
            started.add(t);
        }
        go.countDown();
        return started;
    }

    private static void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }
}
