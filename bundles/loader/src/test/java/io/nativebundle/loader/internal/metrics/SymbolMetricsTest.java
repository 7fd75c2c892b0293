package io.nativebundle.loader.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import io.nativebundle.api.SymbolStats;

/** Exact counts, the sampling rule, and exact counts under contention. */
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
    public void timesTheFirstCallsThenAboutOneInSixtyFour() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        for (int i = 0; i < SymbolMetrics.TIME_ALL_FIRST; i++) {
            long t = m.start();
            assertTrue("call " + (i + 1) + " of the first " + SymbolMetrics.TIME_ALL_FIRST + " is timed", t != 0L);
            m.success(t);
        }
        int later = 640_000;
        int timedStarts = 0;
        for (int i = 0; i < later; i++) {
            long t = m.start();
            if (t != 0L) {
                timedStarts++;
            }
            m.success(t);
        }
        // binomial(640000, 1/64): mean 10000, standard deviation about 99
        assertTrue(timedStarts + " timed", timedStarts > 9_400 && timedStarts < 10_600);
        assertEquals(SymbolMetrics.TIME_ALL_FIRST + timedStarts, m.timed());
        assertEquals(SymbolMetrics.TIME_ALL_FIRST + later, m.calls());
        SymbolStats s = m.stats();
        assertTrue(s.toString(), s.meanNanos() > 0 && s.p50Nanos() > 0 && s.p99Nanos() >= s.p50Nanos());
    }

    @Test
    public void theSampleIsNotEveryNthCall() {
        // a periodic workload must not always hit (or always miss) the timed calls: the gaps vary
        Set<Long> gaps = new HashSet<>();
        long previous = -1;
        for (long n = 1; n < 100_000 && gaps.size() < 10; n++) {
            if (SymbolMetrics.sampled(n)) {
                if (previous > 0) {
                    gaps.add(n - previous);
                }
                previous = n;
            }
        }
        assertTrue("gaps between timed calls " + gaps, gaps.size() >= 10);
    }

    @Test
    public void aShortRunSeesItsLatency() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        for (int i = 0; i < 3; i++) {
            m.success(m.start());
        }
        assertEquals(3, m.timed());
        assertEquals(3, m.stats().calls());
    }

    @Test
    public void untimedCallsAddNoLatency() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        m.success(0L);
        m.failure(0L);
        assertEquals(0, m.timed());
        assertEquals(1, m.errors());
        assertEquals(0.0, m.stats().meanNanos(), 0.0);
    }

    @Test
    public void aCallCountsWhenItStarts() {
        SymbolMetrics m = new SymbolMetrics("math", "add", true);
        m.start();
        assertEquals(1, m.calls());
        assertEquals(0, m.errors());
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
        double expected = threads * (SymbolMetrics.TIME_ALL_FIRST
                + (double) (perThread - SymbolMetrics.TIME_ALL_FIRST) / SymbolMetrics.SAMPLE_EVERY);
        assertTrue(timed + " timed", Math.abs(timed - expected) < expected * 0.05);
    }

    @Test
    public void theRuntimeWideSwitchCountsEnabledSymbolsUntilTheyAreRetired() {
        int before = SymbolMetrics.enabledCount();
        SymbolMetrics on = new SymbolMetrics("math", "add", true);
        SymbolMetrics off = new SymbolMetrics("math", "noop", false);
        assertEquals(before + 1, SymbolMetrics.enabledCount());
        assertTrue(SymbolMetrics.anyEnabled());
        off.setEnabled(true);
        off.setEnabled(true);
        assertEquals("switching on twice counts once", before + 2, SymbolMetrics.enabledCount());
        off.setEnabled(false);
        assertEquals(before + 1, SymbolMetrics.enabledCount());
        on.retire();
        on.retire();
        assertEquals("a retired symbol no longer counts, once", before, SymbolMetrics.enabledCount());
        assertTrue("its own switch stays on", on.enabled());
        on.setEnabled(false);
        on.setEnabled(true);
        assertEquals(before, SymbolMetrics.enabledCount());
        assertEquals(before == 0, !SymbolMetrics.anyEnabled());
    }

    @Test
    public void concurrentSwitchesLeaveTheCountOfWhatIsOn() throws Exception {
        int before = SymbolMetrics.enabledCount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SymbolMetrics>> switched = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                switched.add(pool.submit(() -> {
                    SymbolMetrics metrics = new SymbolMetrics("math", "f" + thread, false);
                    for (int i = 0; i < 1_000; i++) {
                        metrics.setEnabled(i % 2 == 0);
                    }
                    // odd threads end on, even ones retired
                    metrics.setEnabled(thread % 2 == 1);
                    if (thread % 2 == 0) {
                        metrics.retire();
                    }
                    return metrics;
                }));
            }
            int on = 0;
            for (Future<SymbolMetrics> metrics : switched) {
                SymbolMetrics m = metrics.get();
                on += m.enabled() ? 1 : 0;
                m.retire();
            }
            assertEquals(4, on);
            assertEquals("retired, all of them", before, SymbolMetrics.enabledCount());
        } finally {
            pool.shutdownNow();
        }
    }
}
