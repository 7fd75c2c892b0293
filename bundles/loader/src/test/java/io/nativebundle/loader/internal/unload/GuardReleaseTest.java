package io.nativebundle.loader.internal.unload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * The property the unload relies on: after the cut, the target of a guard is garbage exactly
 * when no call through the guard is in flight.
 */
public class GuardReleaseTest {

    /** The service interface of these tests. */
    public interface Adder {
        int add(int a, int b);

        int block();
    }

    /** A target whose {@code block()} stays in flight until the test opens the gate. */
    static final class Target implements Adder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public int add(int a, int b) {
            return a + b;
        }

        @Override
        public int block() {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 42;
        }
    }

    /** Tells the generations of a test when their targets are collected. */
    private final ReleaseWatcher watcher = new ReleaseWatcher();

    @After
    public void stopTheWatcher() {
        watcher.close();
    }

    private LibraryGeneration generation() {
        return new LibraryGeneration("adder", Version.emptyVersion, 1L, 1L, "test.adder", null, List.of(),
                watcher.queue());
    }

    @Test
    public void afterTheCutTheGuardNoLongerKeepsItsTarget() {
        LibraryGeneration generation = generation();
        Adder guard = guardOf(generation);
        assertEquals(3, guard.add(1, 2));
        // that something does not happen can only be watched for a while: 200 ms with collections requested.
        // The waits below are the unloader's own (awaitReleased asks for collections, which Await would not)
        assertFalse("a published guard keeps its target", ReleaseWatcher.awaitReleased(List.of(generation), 200));

        generation.beginUnload("test");
        assertTrue("the target is garbage once cut", ReleaseWatcher.awaitReleased(List.of(generation), 5_000));
        assertTrue(guard.toString().endsWith("(unloaded)"));
    }

    @Test
    public void aCallInFlightKeepsItsTargetUntilItReturns() throws Exception {
        LibraryGeneration generation = generation();
        Target target = new Target();
        Adder guard = GuardFactory.of(Adder.class).guard(generation, target, null);
        WeakReference<Target> weak = new WeakReference<>(target);
        CountDownLatch entered = target.entered;
        CountDownLatch gate = target.gate;
        target = null;
        AtomicReference<Object> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(guard.block()), "in-flight");
        caller.start();
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        generation.beginUnload("test");
        assertFalse("the call in flight keeps the target reachable", ReleaseWatcher.awaitReleased(List.of(generation), 300));
        assertTrue(weak.get() != null);

        gate.countDown();
        caller.join(5_000);
        assertEquals("the call in flight finished normally", 42, result.get());
        assertTrue("released once the call returned", ReleaseWatcher.awaitReleased(List.of(generation), 5_000));
    }

    @Test
    public void concurrentCallersGetTheRightValueOrUnloadedAndNothingElse() throws Exception {
        LibraryGeneration generation = generation();
        Adder guard = guardOf(generation);
        int threads = 8;
        ConcurrentAdds callers = new ConcurrentAdds(threads, t -> guard::add);
        assertTrue(callers.awaitCalling());
        generation.beginUnload("test");
        callers.join();
        assertEquals(null, callers.other.get());
        assertEquals("every thread ends with exactly one refused call", threads, callers.unloaded.get());
        assertEquals("no call without an outcome", callers.attempts.get(),
                callers.successes.get() + callers.unloaded.get());
        assertTrue(callers.successes.get() > 0);
        assertTrue(ReleaseWatcher.awaitReleased(List.of(generation), 5_000));
    }

    private static Adder guardOf(LibraryGeneration generation) {
        // the target is created here, so no local of the test keeps it
        return GuardFactory.of(Adder.class).guard(generation, new Target(), null);
    }
}
