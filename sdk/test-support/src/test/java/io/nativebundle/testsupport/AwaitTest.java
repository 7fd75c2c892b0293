package io.nativebundle.testsupport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class AwaitTest {

    @Test
    public void returnsTheFirstValueAsSoonAsThereIsOne() {
        AtomicInteger calls = new AtomicInteger();
        String value = Await.value("the third call", () -> calls.incrementAndGet() >= 3 ? "done" : null);
        assertEquals("done", value);
        assertEquals(3, calls.get());
    }

    @Test
    public void seesAConditionAnotherThreadMakesTrue() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Thread other = new Thread(latch::countDown);
        other.start();
        Await.until("the other thread counted down", () -> latch.getCount() == 0);
        other.join();
    }

    @Test
    public void failsNamingWhatDidNotHappenAndTheLastFailure() {
        IOException last = new IOException("not yet readable");
        AssertionError e = assertThrows(AssertionError.class, () -> Await.value("the file", Duration.ofMillis(30),
                () -> {
                    throw last;
                }));
        assertEquals("the file did not happen within 30 ms; last: java.io.IOException: not yet readable", e.getMessage());
        assertSame(last, e.getCause());

        AssertionError never = assertThrows(AssertionError.class,
                () -> Await.until("never", Duration.ofMillis(10), () -> false));
        assertEquals("never did not happen within 10 ms", never.getMessage());
    }

    @Test
    public void presentUnwrapsAnOptional() {
        assertEquals("x", Await.present("x", Duration.ofSeconds(1), () -> Optional.of("x")));
        assertTrue(assertThrows(AssertionError.class, () -> Await.present("empty", Duration.ofMillis(5), Optional::empty))
                .getMessage().startsWith("empty did not happen"));
    }
}
