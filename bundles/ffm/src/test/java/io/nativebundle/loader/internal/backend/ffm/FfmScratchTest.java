package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Test;

/** The per-thread C string stack of the FFM downcalls. */
public class FfmScratchTest {

    private final FfmScratch scratch = FfmScratch.current();

    @After
    public void emptyTheStack() {
        scratch.reset(0L);
    }

    @Test
    public void asciiIsCopiedNulTerminated() {
        MemorySegment text = scratch.put("abc");
        assertEquals(4, text.byteSize());
        assertEquals("abc", text.getString(0));
        assertEquals(0, text.get(ValueLayout.JAVA_BYTE, 3));
    }

    @Test
    public void multiByteCharactersAreUtf8() {
        String text = "héllo €𝄞";
        MemorySegment string = scratch.put(text);
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length + 1, string.byteSize());
        assertEquals(text, string.getString(0));
    }

    @Test
    public void anArrayAfterAStringIsAlignedForItsElementsAndCopiedBothWays() {
        scratch.put("abc");
        long[] values = {1, -2, Long.MAX_VALUE};
        MemorySegment memory = scratch.put(values, true);
        assertEquals("aligned for a long", 0, memory.address() % Long.BYTES);
        assertEquals(3 * Long.BYTES, memory.byteSize());
        assertEquals(Long.MAX_VALUE, memory.getAtIndex(ValueLayout.JAVA_LONG, 2));
        memory.setAtIndex(ValueLayout.JAVA_LONG, 0, 42);
        FfmScratch.copyOut(memory, values);
        assertEquals(42, values[0]);
        MemorySegment out = scratch.put(new int[] {7, 7}, false);
        assertEquals("not copied in: zeroed", 0, out.getAtIndex(ValueLayout.JAVA_INT, 1));
        assertEquals(MemorySegment.NULL, scratch.put((Object) null, true));
    }

    @Test
    public void emptyIsOneNulAndNullIsTheNullPointer() {
        assertEquals(1, scratch.put("").byteSize());
        assertEquals("", scratch.put("").getString(0));
        assertSame(MemorySegment.NULL, scratch.put(null));
    }

    @Test
    public void resetFreesWhatWasPutSinceTheMark() {
        long mark = scratch.mark();
        MemorySegment first = scratch.put("first");
        scratch.reset(mark);
        assertEquals("the same memory again", first.address(), scratch.put("again").address());
    }

    @Test
    public void aNestedCallPutsAboveTheOuterCallsStrings() {
        long outer = scratch.mark();
        MemorySegment outerText = scratch.put("outer");
        long inner = scratch.mark();
        MemorySegment innerText = scratch.put("inner");
        assertNotEquals(outerText.address(), innerText.address());
        assertEquals("outer", outerText.getString(0));
        scratch.reset(inner);
        assertEquals("the inner call's memory is reused", innerText.address(), scratch.put("x").address());
        assertEquals("outer", outerText.getString(0));
        scratch.reset(outer);
        assertEquals(0L, scratch.mark());
    }

    @Test
    public void theStackGrowsUpToTheLimitWhileEmpty() {
        String text = "y".repeat(FfmScratch.LIMIT - 1);
        MemorySegment string = scratch.put(text);
        assertEquals(FfmScratch.LIMIT, scratch.capacity());
        assertEquals(text, string.getString(0));
    }

    @Test
    public void aStringLargerThanTheLimitOrOnAFullStackGetsMemoryOfItsOwn() {
        String large = "z".repeat(FfmScratch.LIMIT + 10);
        MemorySegment own = scratch.put(large);
        assertEquals(large, own.getString(0));
        assertEquals("the stack is not used", 0L, scratch.mark());
        MemorySegment outer = scratch.put("outer");
        // a nested call while the stack is in use and too small: its own memory, the outer string kept
        MemorySegment nested = scratch.put("n".repeat(FfmScratch.LIMIT - 2));
        assertEquals(FfmScratch.LIMIT - 1, nested.byteSize());
        assertEquals("outer", outer.getString(0));
        assertEquals("n".repeat(FfmScratch.LIMIT - 2), nested.getString(0));
    }

    @Test
    public void eachThreadHasItsOwnScratch() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "thread-" + t + "-ä-";
                results.add(pool.submit(() -> {
                    start.await();
                    FfmScratch own = FfmScratch.current();
                    for (int i = 0; i < 50_000; i++) {
                        long mark = own.mark();
                        MemorySegment a = own.put(prefix + i);
                        MemorySegment b = own.put(prefix.repeat(i % 40));
                        boolean intact = a.getString(0).equals(prefix + i) && b.getString(0).equals(prefix.repeat(i % 40));
                        own.reset(mark);
                        if (!intact) {
                            return false;
                        }
                    }
                    return own.mark() == 0L;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
