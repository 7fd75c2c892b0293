package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

/** The UTF-8 rule, the scratch's reuse, nesting and size limit, and threads that never share. */
public class StringParametersTest {

    private static final String[] SAMPLES = {"", "ascii", "Grüße", "€ and ∑", "🌍 emoji", "a\uD800b",
            "\uDC00 lone low", "end high \uD83C", "x".repeat(300), "ab\0cd"};

    @Test
    public void encodesLikeTheJdkWithANul() {
        for (String s : SAMPLES) {
            ByteBuffer utf8 = StringParameters.encode(s, 0);
            try {
                assertArrayEquals(s, nulTerminated(s), bytes(utf8));
                assertEquals(s, s.getBytes(StandardCharsets.UTF_8).length, Utf8.length(s));
            } finally {
                StringParameters.release(utf8, 0);
            }
        }
    }

    @Test
    public void aNulInsideIsWrittenAsIsSoCReadsUpToIt() {
        ByteBuffer utf8 = StringParameters.encode("ab\0cd", 0);
        try {
            assertArrayEquals(new byte[] {'a', 'b', 0, 'c', 'd', 0}, bytes(utf8));
        } finally {
            StringParameters.release(utf8, 0);
        }
    }

    @Test
    public void theScratchIsReusedAndGivenBack() {
        ByteBuffer first = StringParameters.encode("one", 0);
        assertTrue(first.isDirect());
        assertTrue(StringParameters.taken(0));
        StringParameters.release(first, 0);
        assertFalse(StringParameters.taken(0));
        ByteBuffer second = StringParameters.encode("two", 0);
        StringParameters.release(second, 0);
        assertSame(first, second);
    }

    @Test
    public void aNestedCallAtTheSamePositionGetsAOneOffCopy() {
        ByteBuffer outer = StringParameters.encode("outer", 0);
        ByteBuffer inner = StringParameters.encode("inner, longer", 0);
        ByteBuffer other = StringParameters.encode("second parameter", 1);
        try {
            assertTrue(outer.isDirect());
            assertFalse("the scratch is taken by the outer call", inner.isDirect());
            assertTrue("position 1 has a scratch of its own", other.isDirect());
            assertNotSame(outer, other);
            assertArrayEquals(nulTerminated("inner, longer"), bytes(inner));
            assertArrayEquals("the nested call did not overwrite the outer one", nulTerminated("outer"), bytes(outer));
        } finally {
            StringParameters.release(other, 1);
            StringParameters.release(inner, 0);
            assertTrue("giving back the one-off leaves the outer call's scratch taken", StringParameters.taken(0));
            StringParameters.release(outer, 0);
        }
        assertFalse(StringParameters.taken(0));
    }

    @Test
    public void stringsOverFourKibGetAOneOffCopyAndSmallerOnesGrowTheScratch() {
        String large = "€".repeat(2_000); // 6000 bytes
        ByteBuffer big = StringParameters.encode(large, 2);
        StringParameters.release(big, 2);
        assertFalse(big.isDirect());
        assertArrayEquals(nulTerminated(large), bytes(big));

        String medium = "ü".repeat(1_500); // 3000 bytes: more than the first scratch, within the limit
        ByteBuffer grown = StringParameters.encode(medium, 2);
        StringParameters.release(grown, 2);
        assertTrue(grown.isDirect());
        assertTrue(grown.capacity() <= StringParameters.SCRATCH_MAX);
        assertArrayEquals(nulTerminated(medium), bytes(grown));

        String exact = "y".repeat(StringParameters.SCRATCH_MAX - 1); // with its NUL, exactly the limit
        ByteBuffer full = StringParameters.encode(exact, 2);
        StringParameters.release(full, 2);
        assertTrue(full.isDirect());
        assertArrayEquals(nulTerminated(exact), bytes(full));
        ByteBuffer over = StringParameters.encode(exact + "y", 2);
        StringParameters.release(over, 2);
        assertFalse(over.isDirect());
    }

    @Test
    public void threadsNeverShareAScratch() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = "thread " + t + " ü€🌍 ";
                done.add(pool.submit((Callable<Integer>) () -> {
                    int checked = 0;
                    for (int i = 0; i < 20_000; i++) {
                        String s = mine + i;
                        ByteBuffer utf8 = StringParameters.encode(s, i & 1);
                        try {
                            Thread.yield();
                            assertArrayEquals(s, nulTerminated(s), bytes(utf8));
                            checked++;
                        } finally {
                            StringParameters.release(utf8, i & 1);
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(Integer.valueOf(20_000), f.get());
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
