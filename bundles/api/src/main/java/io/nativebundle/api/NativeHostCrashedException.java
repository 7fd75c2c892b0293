package io.nativebundle.api;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown by a call into a library that runs out of process ({@code nativebundle.isolation=process})
 * when its host process ended while the call was in flight: the library crashed (a signal such as
 * {@code SIGSEGV}, {@code SIGBUS}, {@code SIGABRT}, a stack overflow, a limit such as
 * {@code SIGXCPU}), called {@code exit}, or the host was ended because another call overran its
 * timeout. The JVM is unharmed; the loader restarts the host, so a later call may succeed, until
 * the library crashed too often and is refused with {@link RefusalReason#HOST_CRASHED}.
 *
 * <p>Whether the crashed call had any effect in native code is unknown, as after any crash.
 *
 * <pre>{@code
 * try {
 *     return parser.parse(document);
 * } catch (NativeHostCrashedException e) {
 *     log.warn("parser crashed ({}), document skipped", e.signal().orElse("exit " + e.exitStatus()));
 * }
 * }</pre>
 */
public class NativeHostCrashedException extends NativeBundleException {

    private static final long serialVersionUID = 1L;

    private final String library;
    private final String symbol;
    private final long pid;
    private final String signal;
    private final int exitStatus;

    /**
     * @param library    the library's name
     * @param symbol     the function of this call
     * @param pid        the host process that ended, or -1 when none was running
     * @param signal     the signal that ended it, e.g. {@code SIGSEGV}; empty when it exited
     * @param exitStatus its exit status when it exited, empty when a signal ended it
     * @param message    the whole story: which call crashed the host, how, and what happens next
     */
    public NativeHostCrashedException(String library, String symbol, long pid, Optional<String> signal,
            OptionalInt exitStatus, String message) {
        super(message);
        this.library = library;
        this.symbol = symbol;
        this.pid = pid;
        this.signal = signal.orElse(null);
        this.exitStatus = exitStatus.orElse(Integer.MIN_VALUE);
    }

    /** The library's name. */
    public String library() {
        return library;
    }

    /** The function this call was calling. */
    public String symbol() {
        return symbol;
    }

    /** The pid of the host process that ended, or -1 when none was running. */
    public long pid() {
        return pid;
    }

    /** The signal that ended the host, e.g. {@code SIGSEGV}; empty when it exited with a status. */
    public Optional<String> signal() {
        return Optional.ofNullable(signal);
    }

    /** The host's exit status when it exited (e.g. a library's {@code exit(3)}); empty when a signal ended it. */
    public OptionalInt exitStatus() {
        return exitStatus == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }
}
