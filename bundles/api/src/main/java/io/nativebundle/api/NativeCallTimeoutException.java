package io.nativebundle.api;

import java.time.Duration;

/**
 * Thrown by a call into a library that runs out of process when the call ran longer than its
 * {@code timeout} (of its symbol in {@code NativeBundle-Symbols}, else of its library in
 * {@code NativeBundle-Library}). The host process was ended, since a native call cannot be
 * stopped any other way; other calls in flight on it throw {@link NativeHostCrashedException},
 * and the loader restarts the host.
 */
public class NativeCallTimeoutException extends NativeBundleException {

    private static final long serialVersionUID = 1L;

    private final String library;
    private final String symbol;
    private final Duration timeout;
    private final long pid;

    /**
     * @param library the library's name
     * @param symbol  the function that overran
     * @param timeout its timeout
     * @param pid     the host process that was ended
     */
    public NativeCallTimeoutException(String library, String symbol, Duration timeout, long pid, String message) {
        super(message);
        this.library = library;
        this.symbol = symbol;
        this.timeout = timeout;
        this.pid = pid;
    }

    public String library() {
        return library;
    }

    public String symbol() {
        return symbol;
    }

    /** The timeout the call overran. */
    public Duration timeout() {
        return timeout;
    }

    /** The pid of the host process that was ended. */
    public long pid() {
        return pid;
    }
}
