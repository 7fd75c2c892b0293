package io.nativebundle.loader.internal.backend.host;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One host process, one incarnation of a generation's host: the calls sent to it carry its
 * {@link #epoch()}, so a new process skips what was written for one that died.
 */
final class HostProcess {

    private final int epoch;
    private final Process process;
    private volatile Crash crash;
    private volatile String killedFor;

    HostProcess(int epoch, Process process) {
        this.epoch = epoch;
        this.process = process;
    }

    int epoch() {
        return epoch;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Whether it ended; then {@link #crash()} says how. */
    boolean isDead() {
        return crash != null;
    }

    /** How it ended, or null while it runs. */
    Crash crash() {
        return crash;
    }

    void died(Crash how) {
        crash = how;
    }

    /** Why the loader ends it, when it does. */
    String killedFor() {
        return killedFor;
    }

    /** Ends it with SIGKILL and notes why, for the crash report. */
    void kill(String why) {
        killedFor = why;
        process.destroyForcibly();
    }

    /**
     * Lets it end of its own accord by closing its stdin (it exits at the end of its input), then
     * SIGKILL after {@code graceMillis}.
     *
     * @return whether it ended within {@code graceMillis + 5000} ms
     */
    boolean stop(long graceMillis) {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // it is gone already
        }
        if (!awaitExit(graceMillis)) {
            killedFor = "its library was unloaded";
            process.destroyForcibly();
        }
        return awaitExit(5_000);
    }

    /** Waits until the process ended and the loader saw it, at most {@code millis}. */
    boolean awaitExit(long millis) {
        try {
            process.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public String toString() {
        return "host process " + pid() + " (epoch " + epoch + ")";
    }
}
