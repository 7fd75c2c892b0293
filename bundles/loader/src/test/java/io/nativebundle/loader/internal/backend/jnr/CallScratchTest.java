package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

/** The thread's direct memory of {@link JnrAbiFunction}'s out and inout values: a zeroed stack. */
public class CallScratchTest {

    @Test
    public void aNestedCallGetsMemoryAboveTheOuterOnesAndEachIsGivenBack() {
        int start = CallScratch.used();
        try (CallScratch outer = CallScratch.take(16)) {
            outer.memory().putLong(outer.index(0), 0x1111L);
            try (CallScratch inner = CallScratch.take(24)) {
                assertEquals(outer.address(16), inner.address(0));
                assertEquals(0L, inner.memory().getLong(inner.index(0)));
                inner.memory().putLong(inner.index(0), 0x2222L);
                assertEquals(start + 40, CallScratch.used());
            }
            assertEquals(start + 16, CallScratch.used());
            assertEquals("the inner call left the outer's memory alone", 0x1111L,
                    outer.memory().getLong(outer.index(0)));
        }
        assertEquals(start, CallScratch.used());
        try (CallScratch again = CallScratch.take(16)) {
            assertEquals("zeroed for each call", 0L, again.memory().getLong(again.index(0)));
        }
    }

    @Test
    public void whatDoesNotFitGetsMemoryOfItsOwnAndTheScratchGrowsWhileUnused() {
        int start = CallScratch.used();
        assertEquals("no call of this thread holds any", 0, start);
        try (CallScratch big = CallScratch.take(CallScratch.LIMIT + 8)) {
            assertEquals(start, CallScratch.used());
            assertEquals(0, big.index(0));
            assertEquals(0L, big.memory().getLong(CallScratch.LIMIT));
        }
        try (CallScratch grown = CallScratch.take(CallScratch.LIMIT)) {
            assertEquals(CallScratch.LIMIT, grown.memory().capacity());
            try (CallScratch above = CallScratch.take(8)) {
                assertNotSame("no room above: its own", grown.memory(), above.memory());
            }
            assertEquals(CallScratch.LIMIT, CallScratch.used());
        }
        assertEquals(start, CallScratch.used());
    }

    @Test
    public void threadsHaveScratchesOfTheirOwn() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long mine = 1000L * (t + 1);
                done.add(pool.submit((Callable<Integer>) () -> {
                    int right = 0;
                    for (int i = 0; i < 20_000; i++) {
                        try (CallScratch s = CallScratch.take(8)) {
                            s.memory().putLong(s.index(0), mine + i);
                            Thread.yield();
                            if (s.memory().getLong(s.index(0)) == mine + i && CallScratch.used() == 8) {
                                right++;
                            }
                        }
                    }
                    return right;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(Integer.valueOf(20_000), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
