package io.nativebundle.loader.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import io.nativebundle.api.SymbolStats;

/** Exact counts, sampled timing, and exact counts under contention. */
public class SymbolMetricsTest {

    @Test
    public void countsCallsAndErrorsExactly() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        for (int i = 0; i < 1000; i++) {
            long t = m.start();
            if (i % 10 == 0) {
                m.failure(t);
            } else {
                m.success(t);
            }
        }
        SymbolStats s = m.stats();
        assertEquals("math", s.library());
        assertEquals("add", s.symbol());
        assertEquals(1000, s.calls());
        assertEquals(100, s.errors());
    }

    @Test
    public void aboutOneCallInSixteenIsTimed() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        int timedStarts = 0;
        for (int i = 0; i < 160_000; i++) {
            long t = m.start();
            if (t != 0L) {
                timedStarts++;
            }
            m.success(t);
        }
        // binomial(160000, 1/16): mean 10000, standard deviation about 97
        assertTrue(timedStarts + " timed", timedStarts > 9_400 && timedStarts < 10_600);
        assertEquals(timedStarts, m.timed());
        SymbolStats s = m.stats();
        assertTrue(s.toString(), s.meanNanos() > 0 && s.p50Nanos() > 0 && s.p99Nanos() >= s.p50Nanos());
    }

    @Test
    public void untimedCallsAddNoLatency() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        m.success(0L);
        m.failure(0L);
        assertEquals(0, m.timed());
        assertEquals(2, m.calls());
        assertEquals(0.0, m.stats().meanNanos(), 0.0);
    }

    @Test
    public void concurrentCallersLoseNoCount() throws Exception {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        int threads = 8;
        int perThread = 200_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        long t = m.start();
                        if ((i & 7) == 0) {
                            m.failure(t);
                        } else {
                            m.success(t);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * perThread, m.calls());
        assertEquals((long) threads * perThread / 8, m.errors());
        long timed = m.timed();
        double expected = threads * (double) perThread / SymbolMetrics.SAMPLE_EVERY;
        assertTrue(timed + " timed", Math.abs(timed - expected) < expected * 0.05);
    }
}
