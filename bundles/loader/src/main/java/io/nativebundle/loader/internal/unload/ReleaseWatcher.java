package io.nativebundle.loader.internal.unload;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.nativebundle.loader.internal.open.Anchors;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * Tells generations when the objects they adopted have been collected: one thread waits on the
 * {@link ReferenceQueue} their references are registered with and hands every cleared one back
 * to its generation, which wakes those waiting for the release and runs its release action.
 *
 * <p>Why the unloader still asks for collections ({@link #requestCollection()}): an object that
 * is only weakly reachable is cleared, and its reference enqueued, only when a collection runs.
 * After the cut the adopted objects are garbage as soon as the calls in flight returned, but an
 * idle JVM may not collect for minutes, and an unload would then always run into its timeout. So
 * the unloader requests a collection after a short pause, which is enough when no call is in
 * flight, and requests another only while the generation is still not released, with a pause
 * that doubles up to a ceiling: a call that was in flight during one collection has usually
 * returned by the next. Between collections nothing polls: the queue wakes the wait as soon as
 * the last object is collected, by a requested collection or by one the JVM ran anyway.
 */
final class ReleaseWatcher implements AutoCloseable {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    /**
     * The pause before the first collection: long enough for a caller that the scheduler preempted
     * in the middle of a call to finish it, short against a stop; a collection costs more.
     */
    private static final long FIRST_PAUSE_MS = 10;
    private static final long MAX_PAUSE_MS = 100;

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    ReleaseWatcher() {
        thread = new Thread(this::watch, "nativebundle-release-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The queue a generation registers its anchors with. */
    ReferenceQueue<Object> queue() {
        return queue;
    }

    /**
     * Waits until every generation is released, requesting a collection after each pause (doubling
     * up to a ceiling) for as long as one is not.
     *
     * @return false when the timeout passed or the thread was interrupted
     */
    static boolean awaitReleased(Collection<LibraryGeneration> generations, long timeoutMillis) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long pause = TimeUnit.MILLISECONDS.toNanos(FIRST_PAUSE_MS);
        long collection = start + pause;
        try {
            for (LibraryGeneration generation : generations) {
                while (!generation.released()) {
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        return false;
                    }
                    if (now - collection >= 0) {
                        requestCollection();
                        pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MS));
                        collection = now + pause;
                    }
                    generation.awaitReleased(deadline - collection < 0 ? deadline : collection);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return generations.stream().allMatch(LibraryGeneration::released);
        }
    }

    /** The one place that asks for a collection; see the class comment for why it is needed. */
    static void requestCollection() {
        System.gc();
    }

    private void watch() {
        while (!closed) {
            try {
                Reference<?> cleared = queue.remove();
                if (cleared instanceof Anchors.Anchor anchor) {
                    anchor.cleared();
                }
            } catch (InterruptedException e) {
                // closed, or a spurious interrupt: the loop condition decides
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "nativebundle: a release action failed: " + e, e);
            }
        }
    }

    /** Stops the thread; generations still referenced then are never told of their release. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
