package io.nativebundle.loader.internal.unload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeLibraryUnloadedException;
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
        AtomicLong attempts = new AtomicLong();
        AtomicLong successes = new AtomicLong();
        AtomicLong unloaded = new AtomicLong();
        AtomicReference<Throwable> other = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * 1000;
            Thread caller = new Thread(() -> {
                started.countDown();
                for (int i = 0; ; i++) {
                    attempts.incrementAndGet();
                    try {
                        int r = guard.add(base, i);
                        if (r != base + i) {
                            other.compareAndSet(null, new AssertionError("add(" + base + ", " + i + ") = " + r));
                        }
                        successes.incrementAndGet();
                    } catch (NativeLibraryUnloadedException e) {
                        unloaded.incrementAndGet();
                        return;
                    } catch (Throwable e) {
                        other.compareAndSet(null, e);
                        return;
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        started.await();
        Thread.sleep(50);
        generation.beginUnload("test");
        for (Thread caller : callers) {
            caller.join(5_000);
        }
        assertEquals(null, other.get());
        assertEquals("every thread ends with exactly one refused call", threads, unloaded.get());
        assertEquals("no call without an outcome", attempts.get(), successes.get() + unloaded.get());
        assertTrue(successes.get() > 0);
        assertTrue(ReleaseWatcher.awaitReleased(List.of(generation), 5_000));
    }

    private static Adder guardOf(LibraryGeneration generation) {
        // the target is created here, so no local of the test keeps it
        return GuardFactory.of(Adder.class).guard(generation, new Target(), null);
    }
}
