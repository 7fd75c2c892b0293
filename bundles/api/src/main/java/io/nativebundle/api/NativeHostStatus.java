package io.nativebundle.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host process of a library that runs out of process, at one moment: what {@code native:info}
 * shows. {@link NativeLibrary#host()} gives a fresh one on every call.
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users.
 */
public final class NativeHostStatus {

    /** Where the host process stands. */
    public enum State {
        /** Being started: a call waits for it. */
        STARTING,
        /** Serving calls. */
        RUNNING,
        /** It ended unexpectedly; a new one starts after the back-off. A call waits for it. */
        RESTARTING,
        /** It crashed too often: the library is refused with {@link RefusalReason#HOST_CRASHED}. */
        DOWN,
        /** Stopped, because the library was unloaded. */
        STOPPED
    }

    private final State state;
    private final long pid;
    private final int restarts;
    private final int crashes;
    private final int timeouts;
    private final Optional<String> lastSignal;
    private final Optional<String> lastCrash;
    private final int threads;
    private final Optional<Duration> timeout;
    private final OptionalLong maxAddressSpace;
    private final Optional<Duration> maxCpuTime;

    /**
     * @param state           the state
     * @param pid             the current host process, or -1 when none runs
     * @param restarts        how often the host was started again since the library was loaded
     * @param crashes         how often it ended unexpectedly since the library was loaded, timeouts included
     * @param timeouts        how many calls overran their timeout
     * @param lastSignal      the signal of the last crash, e.g. {@code SIGSEGV}; empty when none or it exited
     * @param lastCrash       the last crash in words: call, signal or exit status, pid and time
     * @param threads         how many calls the host runs at once
     * @param timeout         the library's call timeout
     * @param maxAddressSpace the host's address space limit in bytes
     * @param maxCpuTime      the host's CPU time limit
     */
    public NativeHostStatus(State state, long pid, int restarts, int crashes, int timeouts, Optional<String> lastSignal,
            Optional<String> lastCrash, int threads, Optional<Duration> timeout, OptionalLong maxAddressSpace,
            Optional<Duration> maxCpuTime) {
        this.state = Objects.requireNonNull(state, "state");
        this.pid = pid;
        this.restarts = restarts;
        this.crashes = crashes;
        this.timeouts = timeouts;
        this.lastSignal = Objects.requireNonNull(lastSignal, "lastSignal");
        this.lastCrash = Objects.requireNonNull(lastCrash, "lastCrash");
        this.threads = threads;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxAddressSpace = Objects.requireNonNull(maxAddressSpace, "maxAddressSpace");
        this.maxCpuTime = Objects.requireNonNull(maxCpuTime, "maxCpuTime");
    }

    public State state() {
        return state;
    }

    /** The current host process, empty when none runs. */
    public OptionalLong pid() {
        return pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    /** How often the host was started again since the library was loaded. */
    public int restarts() {
        return restarts;
    }

    /** How often the host ended unexpectedly since the library was loaded, timeouts included. */
    public int crashes() {
        return crashes;
    }

    /** How many calls overran their timeout. */
    public int timeouts() {
        return timeouts;
    }

    /** The signal of the last crash, e.g. {@code SIGSEGV}; empty when there was none or the host exited. */
    public Optional<String> lastSignal() {
        return lastSignal;
    }

    /** The last crash in words, e.g. {@code SIGSEGV (address 0x0) in segv, pid 4711, at 2025-01-02T10:11:12Z}. */
    public Optional<String> lastCrash() {
        return lastCrash;
    }

    /** How many calls the host runs at once. */
    public int threads() {
        return threads;
    }

    /** The library's call timeout; a symbol may have its own. */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /** The host's address space limit in bytes. */
    public OptionalLong maxAddressSpace() {
        return maxAddressSpace;
    }

    /** The host's CPU time limit. */
    public Optional<Duration> maxCpuTime() {
        return maxCpuTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeHostStatus s && state == s.state && pid == s.pid && restarts == s.restarts
                && crashes == s.crashes && timeouts == s.timeouts && lastSignal.equals(s.lastSignal)
                && lastCrash.equals(s.lastCrash) && threads == s.threads && timeout.equals(s.timeout)
                && maxAddressSpace.equals(s.maxAddressSpace) && maxCpuTime.equals(s.maxCpuTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, pid, restarts, crashes, timeouts, lastSignal, lastCrash, threads, timeout,
                maxAddressSpace, maxCpuTime);
    }

    @Override
    public String toString() {
        return "NativeHostStatus[state=" + state + ", pid=" + pid + ", restarts=" + restarts + ", crashes=" + crashes
                + ", timeouts=" + timeouts + ", lastSignal=" + lastSignal + ", lastCrash=" + lastCrash + ", threads="
                + threads + ", timeout=" + timeout + ", maxAddressSpace=" + maxAddressSpace + ", maxCpuTime="
                + maxCpuTime + "]";
    }
}
