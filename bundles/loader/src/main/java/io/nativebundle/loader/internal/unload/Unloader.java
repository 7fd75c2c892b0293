package io.nativebundle.loader.internal.unload;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;

/**
 * Closes library generations: cut, wait until nothing can call into the library, dlclose it,
 * delete its cache folder.
 *
 * <p>The wait is the proof that closing is safe. After the cut, a guard no longer references
 * the binding; the only strong references left are the locals of calls in flight, which each
 * keep their binding reachable until the native call returned. So when every object the
 * generation {@link LibraryGeneration#adopt adopted} has been garbage collected, no call is
 * running in the library and none can start. The unloader asks for a garbage collection
 * ({@code System.gc()}, with a growing pause in between) until then, for at most the timeout.
 *
 * <p>A generation still referenced when the timeout passes is reported (log, event, counter)
 * and handed to a background reaper, which closes it once it is released; the caller, usually
 * a stopping bundle, goes on.
 */
public final class Unloader implements AutoCloseable {

    /** Framework property: how long an unload waits for calls in flight, in milliseconds. */
    public static final String TIMEOUT_PROPERTY = "io.nativebundle.unload.timeout.ms";
    public static final long DEFAULT_TIMEOUT_MS = 5_000;

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    /**
     * The first pause before a collection: long enough for a caller that the scheduler preempted
     * in the middle of a call to finish it, short against a stop; a collection costs more.
     */
    private static final long FIRST_PAUSE_MS = 10;
    private static final long MAX_PAUSE_MS = 100;
    private static final long FIRST_REAP_MS = 1_000;
    private static final long MAX_REAP_MS = 60_000;
    /** The last wait when the loader stops is at least this long, even with a shorter unload timeout. */
    private static final long FINAL_WAIT_MS = 2_000;
    /** The reaper forces this many collections per lingering generation, then waits for natural ones. */
    private static final int FORCED_COLLECTIONS = 8;

    private final long timeoutMillis;
    private final LifecycleEvents events;
    private final Consumer<Path> removeFolder;
    private final ScheduledExecutorService reaper;
    private final Set<LibraryGeneration> lingering = ConcurrentHashMap.newKeySet();
    private final AtomicLong timeouts = new AtomicLong();
    private volatile Runnable listener = () -> { };

    /**
     * @param removeFolder deletes a closed generation's cache folder
     */
    public Unloader(long timeoutMillis, LifecycleEvents events, Consumer<Path> removeFolder) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be >= 0 but is " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
        this.events = events;
        this.removeFolder = removeFolder;
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nativebundle-reaper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads {@link #TIMEOUT_PROPERTY}; the default when unset. */
    public static long timeout(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT_MS;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a number of milliseconds but is '"
                    + value + "'");
        }
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Called after the set of lingering generations or the timeout count changed. */
    public void setListener(Runnable listener) {
        this.listener = listener;
    }

    /**
     * Unloads a published generation whose services are already unregistered: cuts its guards,
     * waits up to the timeout, closes it and posts {@code UNLOADED}, or reports it and leaves it
     * to the reaper.
     *
     * @return whether it was closed within the timeout
     */
    public boolean unload(LibraryGeneration generation, String reason) {
        return unload(generation, reason, true);
    }

    /** Closes a generation that was never published (a load refused after opening); no events. */
    public boolean discard(LibraryGeneration generation, String reason) {
        return unload(generation, reason, false);
    }

    private boolean unload(LibraryGeneration generation, String reason, boolean announce) {
        if (!generation.beginUnload(reason)) {
            return generation.state() == LibraryGeneration.State.CLOSED;
        }
        if (awaitReleased(List.of(generation), timeoutMillis)) {
            close(generation);
            if (announce) {
                events.unloaded(generation, reason, "closed " + generation.millisSinceUnload() + " ms after unload");
            }
            return true;
        }
        linger(generation, reason, announce);
        return false;
    }

    /** The generations still referenced after their unload timeout. */
    public List<LibraryGeneration> lingering() {
        return new ArrayList<>(lingering);
    }

    /** How many unloads passed their timeout since start. */
    public long timeouts() {
        return timeouts.get();
    }

    /**
     * Waits for lingering generations one last time and stops the reaper. What is still
     * referenced then stays mapped until the process ends.
     */
    @Override
    public void close() {
        List<LibraryGeneration> left = lingering();
        if (!left.isEmpty()) {
            // after this, nothing would ever close them: the reaper stops with the loader
            awaitReleased(left, Math.max(timeoutMillis, FINAL_WAIT_MS));
            for (LibraryGeneration generation : left) {
                if (generation.released()) {
                    reaped(generation);
                } else {
                    LOG.log(Level.WARNING, "nativebundle: the loader stops while " + generation
                            + " is still referenced; it stays mapped until the process ends");
                }
            }
        }
        reaper.shutdownNow();
    }

    /**
     * Waits until every generation is released, forcing collections with a growing pause.
     *
     * @return false when the timeout passed or the thread was interrupted
     */
    static boolean awaitReleased(Collection<LibraryGeneration> generations, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long pause = FIRST_PAUSE_MS;
        while (true) {
            if (allReleased(generations)) {
                return true;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return allReleased(generations);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MS);
            System.gc();
        }
    }

    private static boolean allReleased(Collection<LibraryGeneration> generations) {
        for (LibraryGeneration generation : generations) {
            if (!generation.released()) {
                return false;
            }
        }
        return true;
    }

    private void linger(LibraryGeneration generation, String reason, boolean announce) {
        if (!generation.markLingering()) {
            return;
        }
        lingering.add(generation);
        timeouts.incrementAndGet();
        String message = generation.millisSinceUnload() + " ms after unload " + generation.library() + " generation "
                + generation.generation() + " is still referenced by a call in flight or a leaked reference;"
                + " it stays mapped until released";
        LOG.log(Level.WARNING, "nativebundle: " + message);
        if (announce) {
            events.unloadTimeout(generation, reason, message);
        }
        listener.run();
        schedule(generation, FIRST_REAP_MS, FORCED_COLLECTIONS);
    }

    private void schedule(LibraryGeneration generation, long delayMillis, int collections) {
        try {
            reaper.schedule(() -> reap(generation, delayMillis, collections), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // close() runs the last wait
        }
    }

    private void reap(LibraryGeneration generation, long delayMillis, int collections) {
        if (generation.state() != LibraryGeneration.State.LINGERING) {
            return;
        }
        int left = collections;
        if (!generation.released() && left > 0) {
            System.gc();
            left--;
        }
        if (generation.released()) {
            reaped(generation);
        } else {
            schedule(generation, Math.min(delayMillis * 2, MAX_REAP_MS), left);
        }
    }

    private void reaped(LibraryGeneration generation) {
        if (close(generation)) {
            String message = "closed " + generation.millisSinceUnload() + " ms after unload, once released";
            LOG.log(Level.INFO, "nativebundle: " + generation.library() + " generation " + generation.generation()
                    + " " + message);
            events.unloaded(generation, generation.unloadReason(), message);
        }
    }

    /** dlcloses the generation's handles and deletes its folder; true for the one caller that closed it. */
    private boolean close(LibraryGeneration generation) {
        if (!generation.markClosed()) {
            return false;
        }
        try {
            List<String> problems = generation.closeLibrary();
            if (!problems.isEmpty()) {
                LOG.log(Level.WARNING, "nativebundle: closing " + generation + ": " + String.join("; ", problems));
            }
            if (generation.folder() != null) {
                Set<String> mapped = MappedFiles.under(generation.folder());
                if (!mapped.isEmpty()) {
                    LOG.log(Level.INFO, "nativebundle: the dynamic linker keeps " + mapped + " mapped after dlclose"
                            + " (NODELETE, unique symbols, or another library bound one of its symbols)");
                }
                removeFolder.accept(generation.folder());
            }
        } finally {
            if (lingering.remove(generation)) {
                listener.run();
            }
        }
        return true;
    }
}
