package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/** The UTF-8 rule, the scratch's reuse, nesting and size limit, and threads that never share. */
public class StringParametersTest {

    /** Stands in for a backend's address lookup: a new number per buffer, and how often it was asked. */
    private final AtomicLong lookups = new AtomicLong();
    private final Map<ByteBuffer, Long> addresses = new ConcurrentHashMap<>();
    private final StringParameters strings = new StringParameters(b -> {
        lookups.incrementAndGet();
        return addresses.computeIfAbsent(b, k -> 0x1000L * (addresses.size() + 1));
    });

    @Test
    public void abandonGivesBackWhatACallTookSinceItsMarkAndKeepsWhatOuterCallsHold() {
        int copies = StringParameters.copiesHeld();
        Long outer = strings.take("held by an outer call, in C", 0);
        long mark = StringParameters.mark();
        // the inner call converts two strings, then a later parameter's conversion throws: no release
        assertNull("the outer call has the scratch", strings.take("inner, position 0", 0));
        Long inner0 = strings.copy("inner, position 0");
        Long inner1 = strings.take("inner, position 1", 1);
        assertNotNull(inner1);
        assertEquals(copies + 1, StringParameters.copiesHeld());
        StringParameters.abandon(mark);
        assertFalse("the inner call's scratch is free again", strings.taken(1));
        assertEquals("and its copy dropped", copies, StringParameters.copiesHeld());
        assertTrue("the outer call's scratch stays taken", strings.taken(0));
        assertSame(inner1, strings.take("next call", 1));
        assertTrue(strings.release(inner1, 1));
        assertFalse("a dropped copy is no scratch", strings.release(inner0, 0));
        assertTrue(strings.release(outer, 0));
        assertFalse(strings.taken(0));
    }

    @Test
    public void abandonCallGoesBackToWhereTheLatestCallsFirstStringBeganIt() {
        Long outer = strings.take("outer", 1, true);
        Long first = strings.take("first string of the inner call", 0, true);
        Long copy = strings.copy("a copy of the inner call");
        StringParameters.abandonCall();
        assertFalse(strings.taken(0));
        assertTrue("taken before the inner call began", strings.taken(1));
        assertFalse(strings.release(copy, 0));
        assertTrue(strings.release(outer, 1));
        assertNotNull(first);
        // a call whose first string is null still begins: nothing of the outer call is given back
        Long again = strings.take("outer again", 1, true);
        StringParameters.beginCall();
        StringParameters.abandonCall();
        assertTrue(strings.taken(1));
        assertTrue(strings.release(again, 1));
    }

    @Test
    public void aCopyIsHeldUntilReleasedAndReleasedInAnyOrder() {
        int copies = StringParameters.copiesHeld();
        Long a = strings.take("a", 0);
        Long b = strings.copy("b, a copy");
        Long c = strings.copy("c, another copy");
        assertEquals(copies + 2, StringParameters.copiesHeld());
        // jnr-ffi releases in parameter order, not the reverse
        assertTrue(strings.release(a, 0));
        assertFalse(strings.release(b, 0));
        assertFalse(strings.release(c, 0));
        assertEquals(copies, StringParameters.copiesHeld());
        assertFalse(strings.taken(0));
    }

    @Test
    public void encodesLikeTheJdkWithANul() {
        for (String s : new String[] {"", "ascii", "Grüße", "€ and ∑", "🌍 emoji", "a\uD800b", "\uDC00 lone low",
                "end high \uD83C", "x".repeat(300)}) {
            Long address = strings.take(s, 0);
            assertNotNull(s, address);
            try {
                assertArrayEquals(s, nulTerminated(s), bytes(strings.scratch(0)));
                assertEquals(s, s.getBytes(StandardCharsets.UTF_8).length, Utf8.length(s));
                assertArrayEquals(s, nulTerminated(s), bytes(StringParameters.oneOff(s)));
            } finally {
                assertTrue(strings.release(address, 0));
            }
        }
    }

    @Test
    public void aNulInsideIsWrittenAsIsSoCReadsUpToIt() {
        Long address = strings.take("ab\0cd", 0);
        try {
            assertArrayEquals(new byte[] {'a', 'b', 0, 'c', 'd', 0}, bytes(strings.scratch(0)));
        } finally {
            strings.release(address, 0);
        }
    }

    @Test
    public void theScratchIsReusedAndItsAddressAskedOnce() {
        Long first = strings.take("one", 0);
        assertTrue(strings.taken(0));
        assertTrue(strings.scratch(0).isDirect());
        // the boxes of 0x1000 and up are not cached: an equal value from elsewhere is a copy's Long
        assertFalse(strings.release(Long.valueOf(first.longValue()), 0));
        assertTrue(strings.taken(0));
        assertTrue(strings.release(first, 0));
        assertFalse(strings.taken(0));
        Long second = strings.take("two", 0);
        assertTrue(strings.release(second, 0));
        assertSame("the same boxed address: nothing allocated per call", first, second);
        assertEquals(1, lookups.get());
    }

    @Test
    public void aNestedCallAtTheSamePositionIsRefusedTheScratch() {
        Long outer = strings.take("outer", 0);
        Long inner = strings.take("inner, longer", 0);
        Long other = strings.take("second parameter", 1);
        try {
            assertNotNull(outer);
            assertNull("the scratch is taken by the outer call", inner);
            assertNotNull("position 1 has a scratch of its own", other);
            assertNotEquals(outer, other);
            assertArrayEquals("the nested call did not overwrite the outer one", nulTerminated("outer"),
                    bytes(strings.scratch(0)));
            assertArrayEquals(nulTerminated("second parameter"), bytes(strings.scratch(1)));
        } finally {
            assertTrue(strings.release(other, 1));
            assertTrue(strings.release(outer, 0));
        }
        assertFalse(strings.taken(0));
        Long again = strings.take("again", 0);
        assertNotNull(again);
        assertTrue(strings.release(again, 0));
    }

    @Test
    public void stringsOverFourKibGetNoScratchAndSmallerOnesGrowIt() {
        assertNull(strings.take("€".repeat(2_000), 2)); // 6000 bytes
        assertFalse(strings.taken(2));

        String medium = "ü".repeat(1_500); // 3000 bytes: more than the first scratch, within the limit
        assertTrue(strings.release(strings.take(medium, 2), 2));
        assertTrue(strings.scratch(2).capacity() <= StringParameters.SCRATCH_MAX);
        assertArrayEquals(nulTerminated(medium), bytes(strings.scratch(2)));

        String exact = "y".repeat(StringParameters.SCRATCH_MAX - 1); // with its NUL, exactly the limit
        assertTrue(strings.release(strings.take(exact, 2), 2));
        assertArrayEquals(nulTerminated(exact), bytes(strings.scratch(2)));
        assertNull(strings.take(exact + "y", 2));
    }

    @Test
    public void aGrownScratchGetsItsOwnAddress() {
        Long small = strings.take("small", 3);
        assertTrue(strings.release(small, 3));
        Long grown = strings.take("g".repeat(1_000), 3);
        assertNotEquals(small, grown);
        assertFalse("the old scratch's address is not the scratch any more", strings.release(small, 3));
        assertTrue(strings.release(grown, 3));
        assertEquals(2, lookups.get());
    }

    @Test
    public void threadsNeverShareAScratch() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = "thread " + t + " ü€🌍 ";
                done.add(pool.submit((Callable<Long>) () -> {
                    Long address = null;
                    for (int i = 0; i < 20_000; i++) {
                        String s = mine + i;
                        address = strings.take(s, 0);
                        try {
                            Thread.yield();
                            assertArrayEquals(s, nulTerminated(s), bytes(strings.scratch(0)));
                        } finally {
                            assertTrue(strings.release(address, 0));
                        }
                    }
                    return address;
                }));
            }
            List<Long> seen = new ArrayList<>();
            for (Future<Long> f : done) {
                Long address = f.get();
                assertFalse("two threads shared scratch " + address, seen.contains(address));
                seen.add(address);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] nulTerminated(String s) {
        byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[jdk.length + 1];
        System.arraycopy(jdk, 0, withNul, 0, jdk.length);
        return withNul;
    }

    private static byte[] bytes(ByteBuffer utf8) {
        assertEquals(0, utf8.position());
        byte[] out = new byte[utf8.limit()];
        utf8.get(0, out);
        return out;
    }
}
