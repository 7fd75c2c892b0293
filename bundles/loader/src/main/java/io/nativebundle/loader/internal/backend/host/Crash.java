package io.nativebundle.loader.internal.backend.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a host process ended while it was to serve calls.
 *
 * @param pid           the process
 * @param signal        the signal that ended it, 0 when it exited
 * @param exitStatus    its exit status when it exited, -1 when a signal ended it
 * @param stackOverflow whether the signal was a stack overflow of a host thread
 * @param faultAddress  the faulting address the signal handler noted, or 0
 * @param faultSymbol   the function whose call faulted, when the handler could tell; else empty
 * @param inFlight      the functions whose calls were in flight
 * @param killedFor     why the loader ended it itself (a call's timeout), else empty
 * @param at            when it was seen to end
 */
public record Crash(long pid, int signal, int exitStatus, boolean stackOverflow, long faultAddress,
                    Optional<String> faultSymbol, List<String> inFlight, Optional<String> killedFor, Instant at) {

    /** The signal of all Linux processors this runtime builds for; the numbers are the same on x86-64 and aarch64. */
    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
        "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    public Crash {
        inFlight = List.copyOf(inFlight);
    }

    /** {@code SIGSEGV}, or {@code signal 34}; empty when the process exited. */
    public Optional<String> signalName() {
        return signal == 0 ? Optional.empty() : Optional.of(name(signal));
    }

    /** The exit status when the process exited, empty when a signal ended it. */
    public OptionalInt exit() {
        return signal == 0 ? OptionalInt.of(exitStatus) : OptionalInt.empty();
    }

    static String name(int signal) {
        return signal > 0 && signal < SIGNALS.length ? SIGNALS[signal] : "signal " + signal;
    }

    /**
     * How it ended, in words: {@code SIGSEGV (address 0x0) during the call of segv},
     * {@code stack overflow (SIGSEGV) during the call of recurse}, {@code exit status 3 while exit_now
     * was in flight}, {@code SIGKILL: ended by the loader because the call of spin overran its timeout of 200ms}.
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (signal == 0) {
            b.append("exit status ").append(exitStatus);
        } else if (stackOverflow) {
            b.append("stack overflow (").append(name(signal)).append(')');
        } else {
            b.append(name(signal));
            if (signal == 11 || signal == 7) {
                b.append(" (address 0x").append(Long.toHexString(faultAddress)).append(')');
            }
        }
        if (killedFor.isPresent()) {
            return b.append(": ended by the loader because ").append(killedFor.get()).toString();
        }
        if (signal == 24) {
            b.append(": its CPU time limit (max-cpu-time) was reached");
        }
        if (faultSymbol.isPresent()) {
            b.append(" during the call of ").append(faultSymbol.get());
        } else if (!inFlight.isEmpty()) {
            b.append(" while ").append(String.join(", ", inFlight)).append(inFlight.size() == 1 ? " was" : " were")
                    .append(" in flight");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe() + ", pid " + pid + ", at " + at;
    }
}
