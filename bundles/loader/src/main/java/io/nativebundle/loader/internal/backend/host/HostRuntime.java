package io.nativebundle.loader.internal.backend.host;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.NativeBackend;

/**
 * What all host processes of one loader share: the host program and the futex helper (copied out
 * of the loader bundle and opened on first use, so a runtime that runs nothing out of process
 * never touches them), the settings, the events sink, and the threads:
 * <ul>
 *   <li>the <b>launcher</b>, one thread that starts every host process and lives as long as the
 *       loader: a host asks for {@code SIGKILL} when the thread that started it ends
 *       ({@code PR_SET_PDEATHSIG} is per thread), so it must be a thread that never ends early;</li>
 *   <li>the <b>supervision</b> thread, which handles the end of a process, and the <b>restart</b>
 *       threads, which wait out the back-off and start a new one.</li>
 * </ul>
 * {@link #close} stops every host still running, so stopping the loader (or the framework)
 * leaves no host process behind.
 */
public final class HostRuntime implements AutoCloseable {

    /** The stack of each host thread: more than a JVM thread's default (1 MiB), which in-process calls run on. */
    static final long STACK_BYTES = 2L << 20;

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final HostSettings settings;
    private final HostEvents events;
    private final NativeBackend inProcess;
    private final Supplier<Path> folder;
    private final ClassLoader resources;
    private final ExecutorService launcher;
    private final ExecutorService supervision;
    private final ScheduledExecutorService restarts;
    private final Set<HostLibrary> live = ConcurrentHashMap.newKeySet();
    private HostProgram program;
    private Futex futex;
    private boolean closed;

    /**
     * @param inProcess the in-process backend, which opens the futex helper
     * @param folder    where the program files are copied to, asked on first use (the runtime's cache folder)
     * @param resources the class loader whose {@code host/linux/<processor>/} holds the program (the loader bundle's)
     */
    public HostRuntime(HostSettings settings, HostEvents events, NativeBackend inProcess, Supplier<Path> folder,
                       ClassLoader resources) {
        this.settings = settings;
        this.events = events;
        this.inProcess = inProcess;
        this.folder = folder;
        this.resources = resources;
        this.launcher = Executors.newSingleThreadExecutor(r -> daemon(r, "nativebundle-host-launcher"));
        this.supervision = Executors.newSingleThreadExecutor(r -> daemon(r, "nativebundle-host-supervisor"));
        this.restarts = Executors.newScheduledThreadPool(1, r -> daemon(r, "nativebundle-host-restart"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The backend of one library generation that runs out of process. */
    public NativeBackend backend(HostIdentity identity, HostPlacement placement) {
        return new HostBackend(this, identity, placement);
    }

    HostSettings settings() {
        return settings;
    }

    HostEvents events() {
        return events;
    }

    /** The program and the helper, copied out and opened on first use. */
    synchronized HostProgram program() throws LoadRefusal {
        ready();
        return program;
    }

    synchronized Futex futex() throws LoadRefusal {
        ready();
        return futex;
    }

    private void ready() throws LoadRefusal {
        if (closed) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "the loader is stopping; no host process is started");
        }
        if (program == null) {
            HostProgram p = HostProgram.extract(resources, folder.get());
            futex = Futex.open(inProcess, p.futex());
            program = p;
        }
    }

    /**
     * Starts a host process on the launcher thread, with stdin a pipe (its end of input tells the
     * host the JVM is gone), stdout and stderr the JVM's, and no {@code LD_*} variable in its
     * environment: nothing but the absolute paths it is given decides what it loads.
     */
    Process launch(List<String> command, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(k -> k.startsWith("LD_"));
        try {
            return launcher.submit(builder::start).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + command.get(0), e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the loader is stopping; " + command.get(0) + " is not started", e);
        }
    }

    ExecutorService supervision() {
        return supervision;
    }

    void schedule(Runnable task, Duration delay) {
        try {
            restarts.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the loader stops: nothing is restarted
        }
    }

    void opened(HostLibrary library) {
        live.add(library);
    }

    void closed(HostLibrary library) {
        live.remove(library);
    }

    /**
     * Stops every host process still running (generations the unloader could not close, e.g.
     * with a call that never returns), then the threads and the helper.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (HostLibrary library : List.copyOf(live)) {
            List<String> problems = library.close();
            LOG.log(Level.INFO, "nativebundle: the loader stops and ends the host of " + library
                    + (problems.isEmpty() ? "" : ": " + problems));
        }
        restarts.shutdownNow();
        supervision.shutdown();
        launcher.shutdown();
        try {
            supervision.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (futex != null) {
                futex.close();
            }
        }
    }

    /** The shared file of a generation: {@code <runtime>/host/shm/bundle<id>-g<generation>.shm}. */
    SharedRegion region(HostIdentity identity, int slots, int dataBytes) throws LoadRefusal {
        Futex f = futex();
        Path file = folder.get().resolve("shm").resolve("bundle" + identity.bundleId() + "-g" + identity.generation()
                + ".shm");
        try {
            return SharedRegion.create(file, slots, dataBytes, f);
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot create the file shared with the native host, "
                    + file + ": " + e);
        }
    }
}
