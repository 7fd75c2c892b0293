package io.nativebundle.itests.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeRemoteCallException;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Framework A's JVM is killed ({@code SIGKILL}) while B calls the imported math in four threads:
 * every call returns the right sum or throws {@link NativeRemoteCallException}, each within the
 * import's timeout (plus a margin for the scheduler), and B goes on running, its own math included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteKillTest extends AbstractIntegrationTest {

    private static final int THREADS = 4;
    /** A call may take the import's timeout, plus this much for two JVMs on two shared cores. */
    private static final long MARGIN_MS = 2000;

    @Configuration
    public Option[] config() {
        return RemoteOptions.importingMath();
    }

    @Test
    public void everyCallReturnsOrFailsByNameWithinTheTimeoutWhenAIsKilled() throws Exception {
        ServiceReference<MathLib> ref = Services.await(context, MathLib.class, RemoteMathTest.IMPORTED);
        MathLib math = context.getService(ref);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failedAfterKill = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        try (ExportingChild a = ExportingChild.start(RemoteOptions.port())) {
            for (int t = 0; t < THREADS; t++) {
                int n = t;
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = 0; running.get(); i++) {
                            long start = System.nanoTime();
                            try {
                                int sum = math.add(n, i);
                                if (sum != n + i) {
                                    wrong.add("add(" + n + ", " + i + ") returned " + sum);
                                }
                                answered.incrementAndGet();
                            } catch (NativeRemoteCallException e) {
                                if (killed.get()) {
                                    failedAfterKill.incrementAndGet();
                                } else if (a.isAlive()) {
                                    wrong.add("a call failed while A was up: " + e);
                                }
                            } catch (RuntimeException | Error e) {
                                wrong.add("a call threw " + e + ", not NativeRemoteCallException");
                            }
                            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                            if (millis > RemoteOptions.TIMEOUT_MS + MARGIN_MS) {
                                wrong.add("a call took " + millis + " ms; the import's timeout is "
                                        + RemoteOptions.TIMEOUT_MS + " ms");
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "remote-caller-" + t);
                threads.add(thread);
                thread.start();
            }
            Await.until("the four callers have calls answered by A", () -> answered.get() >= 200);
            // set first: a call that fails while the JVM is being killed fails because of the kill
            killed.set(true);
            a.kill();
            Await.until("every caller has seen the named exception since A was killed",
                    () -> failedAfterKill.get() >= THREADS * 5);
        } finally {
            running.set(false);
            assertTrue("the callers end", done.await(RemoteOptions.TIMEOUT_MS + MARGIN_MS + 10_000,
                    TimeUnit.MILLISECONDS));
            context.ungetService(ref);
        }
        assertEquals(List.of(), new ArrayList<>(wrong));
        // B goes on: still active, and its own math generation answers
        assertEquals(Bundle.ACTIVE, context.getBundle(0).getState());
        ServiceReference<MathLib> local = Services.await(context, MathLib.class,
                "(&(nativebundle.library=math)(!(service.imported=*)))");
        assertEquals(5, context.getService(local).add(2, 3));
        context.ungetService(local);
    }
}
