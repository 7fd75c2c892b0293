package io.nativebundle.loader.internal.unload;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.ref.ReferenceQueue;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Closes library generations: cut, wait until nothing can call into the library, close what the
 * backend opened, delete the cache folder.
 *
 * <p>The wait is the proof that closing is safe. After the cut, a guard no longer references its
 * target; the only strong references left are the locals of calls in flight, which each keep
 * their target reachable until the native call returned. So when every object the generation
 * {@link LibraryGeneration#adopt adopted} has been collected, no call is running in the library
 * and none can start. The {@link ReleaseWatcher} learns of each collection from a reference
 * queue and wakes the wait; it also says why collections are still requested.
 *
 * <p>A generation still referenced when the timeout passes is reported (log, event, counter) and
 * closed later, by the reaper thread, as soon as the watcher sees it released; the caller,
 * usually a stopping bundle, goes on.
 */
public final class Unloader implements AutoCloseable {

    /** Framework property: how long an unload waits for calls in flight, in milliseconds. */
    public static final String TIMEOUT_PROPERTY = "io.nativebundle.unload.timeout.ms";
    public static final long DEFAULT_TIMEOUT_MS = 5_000;

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    private static final long FIRST_REAP_MS = 1_000;
    private static final long MAX_REAP_MS = 60_000;
    /** The last wait when the loader stops is at least this long, even with a shorter unload timeout. */
    private static final long FINAL_WAIT_MS = 2_000;
    /**
     * The reaper requests this many collections per lingering generation (a leaked reference may
     * never go away), then leaves it to the collections the JVM runs anyway.
     */
    private static final int FORCED_COLLECTIONS = 8;

    private final long timeoutMillis;
    private final LifecycleEvents events;
    private final Consumer<Path> removeFolder;
    private final ReleaseWatcher watcher = new ReleaseWatcher();
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

    /** The queue a new generation registers its adopted objects with, so the unloader learns of their release. */
    public ReferenceQueue<Object> releases() {
        return watcher.queue();
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
        if (ReleaseWatcher.awaitReleased(List.of(generation), timeoutMillis)) {
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
     * Waits for lingering generations one last time and stops the reaper and the watcher. What is
     * still referenced then stays mapped until the process ends.
     */
    @Override
    public void close() {
        List<LibraryGeneration> left = lingering();
        if (!left.isEmpty()) {
            // after this, nothing would ever close them: the reaper stops with the loader
            ReleaseWatcher.awaitReleased(left, Math.max(timeoutMillis, FINAL_WAIT_MS));
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
        watcher.close();
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
        // the watcher runs this as soon as the last adopted object is collected
        generation.whenReleased(() -> execute(() -> reaped(generation)));
        schedule(generation, FIRST_REAP_MS, FORCED_COLLECTIONS);
    }

    /** Requests a collection now and then while the generation lingers, since an idle JVM may run none. */
    private void schedule(LibraryGeneration generation, long delayMillis, int collections) {
        if (collections == 0) {
            return;
        }
        try {
            reaper.schedule(() -> {
                if (generation.state() == LibraryGeneration.State.LINGERING && !generation.released()) {
                    ReleaseWatcher.requestCollection();
                    schedule(generation, Math.min(delayMillis * 2, MAX_REAP_MS), collections - 1);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // close() runs the last wait
        }
    }

    private void execute(Runnable task) {
        try {
            reaper.execute(task);
        } catch (RejectedExecutionException stopping) {
            // close() runs the last wait
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

    /** Closes the generation's backend library and deletes its folder; true for the one caller that closed it. */
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
