package io.nativebundle.loader.internal.backend.host;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.api.NativeHostStatus.State;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.Amounts;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Keeps one generation's host process running: starts it, notices when it ends, tells the calls
 * in flight, starts it again after a back-off that doubles with every crash in the window, and
 * gives up after {@code crash.limit} crashes in {@code crash.window}: the library is then refused
 * with {@code HOST_CRASHED} ({@link HostEvents#gaveUp}). The state moves
 * {@code STARTING → RUNNING → RESTARTING → RUNNING ... → DOWN}, or to {@code STOPPED} when the
 * generation is closed.
 *
 * <p>Threads: the first start runs on the loading thread, the process itself is started by the
 * runtime's launcher thread ({@link HostRuntime#launch}); the end of a process is handled on the
 * runtime's supervision thread, restarts on its restart threads; callers wait in
 * {@link #awaitRunning} while a host is (re)starting.
 *
 * <p>Over 300 lines on purpose: the state machine, the epoch of the current process and the crash
 * history are read and changed under one lock on four kinds of threads (loader, launcher,
 * supervision, restart); each transition is easier to check against the others in one place than
 * spread over collaborators that would have to share the lock.
 */
final class HostSupervisor {

    private final HostIdentity identity;
    private final HostRuntime runtime;
    private final SharedRegion region;
    private final SlotPool pool;
    private final HostPlacement placement;
    private final List<Path> files;
    private final HostStatusBoard board;
    private final CrashHistory history;
    /** Binds every symbol bound so far again, in a new process; set by the library. */
    private volatile Consumer<HostProcess> replay = p -> { };

    private final Object lock = new Object();
    private volatile State state = State.STARTING;
    private volatile HostProcess current;
    private int epoch;
    private boolean closing;

    HostSupervisor(HostIdentity identity, HostRuntime runtime, SharedRegion region, SlotPool pool,
                   HostPlacement placement, List<Path> files, HostStatusBoard board) {
        this.identity = identity;
        this.runtime = runtime;
        this.region = region;
        this.pool = pool;
        this.placement = placement;
        this.files = List.copyOf(files);
        this.board = board;
        this.history = new CrashHistory(runtime.settings().crashWindow());
    }

    void replay(Consumer<HostProcess> bindAgain) {
        this.replay = bindAgain;
    }

    HostIdentity identity() {
        return identity;
    }

    /**
     * Starts the first host process, on the loading thread.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} (the host could not open the library: the dynamic
     *                     linker's message) or {@code DIGEST_MISMATCH} (the host program was altered)
     */
    void start() throws LoadRefusal {
        try {
            HostProcess p = launch();
            board.running(p.pid());
            running(p);
        } catch (StartFailure f) {
            throw new LoadRefusal(f.reason(), identity.describe() + " runs out of process, and its host could not"
                    + " start: " + f.getMessage());
        }
    }

    /**
     * The running host process for a call of {@code symbol}; waits while one is being started.
     *
     * @throws NativeHostCrashedException when none will run: the library crashed too often, or is unloaded
     */
    HostProcess awaitRunning(String symbol) {
        HostProcess p = current;
        if (state == State.RUNNING && p != null && !p.isDead()) {
            return p;
        }
        Duration settings = runtime.settings().restartMaxDelay().plus(runtime.settings().startTimeout());
        long deadline = System.nanoTime() + settings.toNanos();
        synchronized (lock) {
            while (true) {
                p = current;
                State s = state;
                if (s == State.RUNNING && p != null && !p.isDead()) {
                    return p;
                }
                if (s == State.DOWN || s == State.STOPPED) {
                    Crash last = p == null ? null : p.crash();
                    throw crashed(symbol, last, s == State.DOWN
                            ? "the library crashed too often and is refused (HOST_CRASHED) until its bundle is started again"
                            : "its host is stopped: the library is being unloaded");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw crashed(symbol, p == null ? null : p.crash(), "no host process was running for it within "
                            + Amounts.format(settings));
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw crashed(symbol, null, "interrupted while waiting for its host to start");
                }
            }
        }
    }

    /** The exception of a call of {@code symbol} that was in flight when {@code p} ended. */
    NativeHostCrashedException crashed(HostProcess p, String symbol) {
        return crashed(symbol, p.crash(), "it did not complete; " + next());
    }

    private NativeHostCrashedException crashed(String symbol, Crash crash, String what) {
        String how = crash == null ? "" : "host process " + crash.pid() + " ended: " + crash.describe() + "; ";
        return new NativeHostCrashedException(identity.library(), symbol, crash == null ? -1 : crash.pid(),
                crash == null ? Optional.empty() : crash.signalName(),
                crash == null ? OptionalInt.empty() : crash.exit(),
                "native " + identity.describe() + ", call of " + symbol + ": " + how + what);
    }

    private String next() {
        return switch (state) {
            case DOWN -> "the library crashed too often and is refused (HOST_CRASHED)";
            case STOPPED -> "the library is being unloaded";
            default -> "a new host process is started";
        };
    }

    /** Ends {@code p} because a call of {@code symbol} overran {@code timeout}; returns once it ended. */
    void killForTimeout(HostProcess p, String symbol, Duration timeout) {
        if (p.killedFor() == null) {
            p.kill("the call of " + symbol + " overran its timeout of " + Amounts.format(timeout));
            board.timedOut();
            runtime.events().timedOut(identity, symbol, timeout, p.pid());
        }
        p.awaitExit(10_000);
    }

    /** Stops the host for good (the generation closes): its stdin closed, SIGKILL if it lingers. */
    List<String> stop() {
        HostProcess p;
        synchronized (lock) {
            closing = true;
            state = State.STOPPED;
            p = current;
            lock.notifyAll();
        }
        board.stopped();
        List<String> problems = new ArrayList<>();
        if (p != null && p.process().isAlive() && !p.stop(2_000)) {
            problems.add("host process " + p.pid() + " of " + identity.describe() + " did not end");
        }
        wakeCallers();
        return problems;
    }

    // --- starting ---

    private HostProcess launch() throws StartFailure {
        int e;
        synchronized (lock) {
            if (closing) {
                throw new StartFailure(RefusalReason.LOAD_FAILED, "the library is being unloaded", null);
            }
            e = ++epoch;
        }
        Path executable;
        try {
            executable = runtime.program().executable();
        } catch (LoadRefusal refusal) {
            throw new StartFailure(refusal.reason(), refusal.getMessage(), null);
        }
        HostSettings settings = runtime.settings();
        region.prepare(e, placement.maxAddressSpace().orElse(0L),
                placement.maxCpuTime().map(Duration::toSeconds).orElse(0L), HostRuntime.STACK_BYTES,
                settings.hostSpin().toNanos(), files);
        Process process;
        try {
            process = runtime.launch(List.of(executable.toString(), region.file().toString(),
                    Long.toString(ProcessHandle.current().pid())), region.file().getParent());
        } catch (IllegalStateException failure) {
            // e.g. a host built for glibc on a musl machine: its ELF interpreter is missing
            throw new StartFailure(RefusalReason.LOAD_FAILED, failure.getMessage(), null);
        }
        HostProcess p = new HostProcess(e, process);
        synchronized (lock) {
            current = p;
            if (closing) {
                p.kill("its library was unloaded while it started");
                throw new StartFailure(RefusalReason.LOAD_FAILED, "the library is being unloaded", null);
            }
        }
        process.onExit().thenRunAsync(() -> ended(p), runtime.supervision());
        awaitReady(p, settings.startTimeout());
        try {
            replay.accept(p);
        } catch (NativeHostCrashedException crash) {
            p.awaitExit(5_000);
            throw new StartFailure(RefusalReason.LOAD_FAILED, "it ended while its symbols were bound again: "
                    + describe(p), crashOf(p));
        } catch (RuntimeException bind) {
            p.kill("its symbols could not be bound again");
            throw new StartFailure(RefusalReason.LOAD_FAILED, bind.getMessage(), null);
        }
        return p;
    }

    private void awaitReady(HostProcess p, Duration timeout) throws StartFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int s = region.state();
            if (s == Wire.STATE_READY) {
                return;
            }
            if (s == Wire.STATE_FAILED) {
                String message = region.message();
                p.kill("it could not start");
                p.awaitExit(5_000);
                throw new StartFailure(RefusalReason.LOAD_FAILED, message, null);
            }
            if (!p.process().isAlive()) {
                p.awaitExit(5_000);
                throw new StartFailure(RefusalReason.LOAD_FAILED, "host process " + p.pid() + " ended before it was"
                        + " ready: " + describe(p), crashOf(p));
            }
            if (System.nanoTime() > deadline) {
                p.kill("it was not ready within " + Amounts.format(timeout));
                p.awaitExit(5_000);
                throw new StartFailure(RefusalReason.LOAD_FAILED, "host process " + p.pid() + " was not ready within "
                        + Amounts.format(timeout), null);
            }
            region.awaitStateChange(Wire.STATE_STARTING, 10_000);
        }
    }

    private Crash crashOf(HostProcess p) {
        return p.crash() != null ? p.crash() : classify(p);
    }

    private String describe(HostProcess p) {
        Crash crash = crashOf(p);
        int exit = crash.exit().orElse(-1);
        String setup = switch (exit) {
            case Wire.EXIT_ORPHANED -> " (its parent was gone)";
            case Wire.EXIT_BAD_SETUP -> " (the shared file was missing or of another wire version)";
            case Wire.EXIT_START_FAILED -> " (" + region.message() + ")";
            default -> "";
        };
        return crash.describe() + setup;
    }

    // --- ending ---

    /** On the supervision thread, once {@code p} ended. */
    private void ended(HostProcess p) {
        Crash crash = classify(p);
        p.died(crash);
        wakeCallers();
        synchronized (lock) {
            if (p != current || state != State.RUNNING) {
                // a start in progress sees its own process end; a stopped host needs nothing more
                lock.notifyAll();
                return;
            }
        }
        lost(crash);
    }

    /** Marks a started host RUNNING, unless it already ended: then that is a crash like any other. */
    private void running(HostProcess p) {
        boolean ended;
        synchronized (lock) {
            if (closing) {
                return;
            }
            state = State.RUNNING;
            ended = p.isDead();
            lock.notifyAll();
        }
        if (ended) {
            lost(p.crash());
        }
    }

    /** Counts a lost host, tells, and restarts after the back-off or gives up. */
    private void lost(Crash crash) {
        boolean gaveUp;
        Duration delay;
        synchronized (lock) {
            if (closing) {
                return;
            }
            int crashes = history.record(System.nanoTime());
            gaveUp = crashes >= runtime.settings().crashLimit();
            state = gaveUp ? State.DOWN : State.RESTARTING;
            board.crashed(crash, state);
            delay = runtime.settings().restartDelay(crashes);
            lock.notifyAll();
        }
        runtime.events().crashed(identity, crash);
        if (gaveUp) {
            runtime.events().gaveUp(identity, gaveUpMessage(crash));
        } else {
            runtime.schedule(this::restart, delay);
        }
    }

    private String gaveUpMessage(Crash last) {
        HostSettings s = runtime.settings();
        return identity.describe() + " runs out of process and its host crashed " + s.crashLimit() + " times within "
                + Amounts.format(s.crashWindow()) + " (io.nativebundle.host.crash.limit, io.nativebundle.host.crash.window);"
                + " the last: " + last + ". Its services are withdrawn until the bundle is started again";
    }

    /** On a restart thread, after the back-off. */
    private void restart() {
        synchronized (lock) {
            if (closing || state != State.RESTARTING) {
                return;
            }
        }
        try {
            HostProcess p = launch();
            board.restarted(p.pid());
            runtime.events().restarted(identity, p.pid(), board.restarts());
            running(p);
        } catch (StartFailure f) {
            lost(f.crash() != null ? f.crash() : new Crash(-1, 0, -1, false, 0, Optional.empty(), List.of(),
                    Optional.of("it could not start again: " + f.getMessage()), Instant.now()));
        }
    }

    /** How {@code p} ended, from its exit value and what its signal handler noted in the header. */
    private Crash classify(HostProcess p) {
        int exit = p.process().isAlive() ? -1 : p.process().exitValue();
        SharedRegion.Fault fault = region.fault();
        Slot[] slots = pool.all();
        List<String> inFlight = new ArrayList<>();
        for (Slot s : slots) {
            String symbol = s.inFlight();
            if (symbol != null && s.process() == p) {
                inFlight.add(symbol);
            }
        }
        int signal;
        Optional<String> faultSymbol = Optional.empty();
        if (fault.signal() != 0) {
            signal = fault.signal();
            if (fault.slot() >= 0 && fault.slot() < slots.length) {
                faultSymbol = Optional.ofNullable(slots[fault.slot()].inFlight());
            }
        } else {
            // the JDK reports a death by signal n as 128 + n
            signal = exit > 128 && exit < 128 + 65 ? exit - 128 : 0;
        }
        return new Crash(p.pid(), signal, signal == 0 ? exit : -1, fault.signal() != 0 && fault.stackOverflow(),
                fault.address(), faultSymbol, inFlight, Optional.ofNullable(p.killedFor()), Instant.now());
    }

    /** Wakes every caller sleeping on a slot, so it sees its host ended. */
    private void wakeCallers() {
        for (Slot s : pool.all()) {
            region.wake(s.base() + Wire.S_RESP_SEQ);
        }
    }
}
