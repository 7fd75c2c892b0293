package io.nativebundle.loader.internal.open;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The objects through which a generation's native code can be reached (its typed binding, every
 * invoker and accessor its backend handed out), held weakly. After the cut only the locals of
 * calls in flight keep them, so when every one of them has been collected, no call is running in
 * the library and none can start: the generation is released.
 *
 * <p>Each anchor's reference is registered with a {@link ReferenceQueue}; the unloader's watcher
 * thread takes it from there once the collector cleared it and calls {@link Anchor#cleared()},
 * which wakes whoever waits in {@link #await} and runs the {@link #whenReleased} action. Nothing
 * polls.
 */
public final class Anchors {

    private final ReferenceQueue<Object> queue;
    /** The references not yet taken from the queue; they must stay reachable to be enqueued at all. */
    private final Set<Anchor> live = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Runnable> onRelease = new AtomicReference<>();
    private final Object lock = new Object();

    Anchors(ReferenceQueue<Object> queue) {
        this.queue = queue;
    }

    /** A weak reference to one anchor, taken from the queue by the watcher once the anchor is collected. */
    public static final class Anchor extends WeakReference<Object> {

        private final Anchors owner;

        private Anchor(Object referent, Anchors owner) {
            super(referent, owner.queue);
            this.owner = owner;
        }

        /** The collector cleared this reference: tell the generation it belongs to. */
        public void cleared() {
            owner.cleared(this);
        }
    }

    /** Watches {@code object}; adopting the same object twice watches it once. */
    <T> T adopt(T object) {
        for (Anchor anchor : live) {
            if (anchor.refersTo(object)) {
                return object;
            }
        }
        live.add(new Anchor(object, this));
        return object;
    }

    /** Whether every anchor has been collected. */
    boolean released() {
        for (Anchor anchor : live) {
            if (!anchor.refersTo(null)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until {@link #released()} or {@code deadline} ({@link System#nanoTime()}), woken by
     * the watcher each time one anchor was collected.
     *
     * @return whether released
     */
    boolean await(long deadline) throws InterruptedException {
        synchronized (lock) {
            while (!released()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Runs {@code action} once, on the watcher's thread, when released; at once if it already is. */
    void whenReleased(Runnable action) {
        onRelease.set(action);
        if (released()) {
            runOnRelease();
        }
    }

    private void cleared(Anchor anchor) {
        live.remove(anchor);
        synchronized (lock) {
            lock.notifyAll();
        }
        if (released()) {
            runOnRelease();
        }
    }

    private void runOnRelease() {
        Runnable action = onRelease.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }
}
