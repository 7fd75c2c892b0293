package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.nativebundle.api.NativeHostStatus;

/**
 * The live state of a generation's host for the operator: what {@code native:info}, the
 * {@code NativeLibrary} service and the JMX view show. Small and separate from the library, so
 * that a description kept by someone keeps only this reachable.
 */
final class HostStatusBoard implements Supplier<NativeHostStatus> {

    private final int threads;
    private final Optional<Duration> timeout;
    private final OptionalLong maxAddressSpace;
    private final Optional<Duration> maxCpuTime;

    private volatile NativeHostStatus.State state = NativeHostStatus.State.STARTING;
    private volatile long pid = -1;
    private volatile int restarts;
    private volatile int crashes;
    private volatile int timeouts;
    private volatile Crash lastCrash;

    HostStatusBoard(int threads, HostPlacement placement) {
        this.threads = threads;
        this.timeout = placement.timeout();
        this.maxAddressSpace = placement.maxAddressSpace();
        this.maxCpuTime = placement.maxCpuTime();
    }

    void running(long hostPid) {
        pid = hostPid;
        state = NativeHostStatus.State.RUNNING;
    }

    synchronized void restarted(long hostPid) {
        restarts++;
        running(hostPid);
    }

    synchronized void crashed(Crash crash, NativeHostStatus.State next) {
        crashes++;
        lastCrash = crash;
        pid = -1;
        state = next;
    }

    synchronized void timedOut() {
        timeouts++;
    }

    void stopped() {
        pid = -1;
        state = NativeHostStatus.State.STOPPED;
    }

    int restarts() {
        return restarts;
    }

    @Override
    public NativeHostStatus get() {
        Crash last = lastCrash;
        return new NativeHostStatus(state, pid, restarts, crashes, timeouts,
                last == null ? Optional.empty() : last.signalName(),
                last == null ? Optional.empty() : Optional.of(last.toString()), threads, timeout, maxAddressSpace,
                maxCpuTime);
    }
}
