package io.nativebundle.api;

/**
 * Thrown by a call to a library imported from another framework ({@code nativebundle.remote=imported})
 * when the call did not complete there: the connection could not be made or was lost, the other
 * side did not answer within the import's timeout, its bundle was stopped or updated so that no
 * endpoint answers any more, or its JVM ended. The message names the library, the method and the
 * endpoint; the cause is what the transport reported.
 *
 * <p>Whether the failed call ran on the other side is unknown, as after any lost connection: a
 * call that is not idempotent must not simply be repeated. A native exception the other side's
 * library threw, such as {@link NativeLibraryUnloadedException}, reaches the caller as itself, not
 * wrapped in this one.
 *
 * <pre>{@code
 * try {
 *     return math.add(2, 3);
 * } catch (NativeRemoteCallException e) {
 *     log.warn("math at {} is unreachable: {}", e.endpoint(), e.getCause());
 * }
 * }</pre>
 *
 * @since 2.2
 */
public class NativeRemoteCallException extends NativeBundleException {

    private static final long serialVersionUID = 1L;

    private final String library;
    private final String method;
    private final String endpoint;

    /**
     * @param library  the library's name
     * @param method   the method of the call, e.g. {@code add}
     * @param endpoint the endpoint it called, e.g. {@code tcp://127.0.0.1:9100}
     * @param message  the whole story: which call failed where, and why
     * @param cause    what the transport reported
     */
    public NativeRemoteCallException(String library, String method, String endpoint, String message,
            Throwable cause) {
        super(message, cause);
        this.library = library;
        this.method = method;
        this.endpoint = endpoint;
    }

    /** The library's name. */
    public String library() {
        return library;
    }

    /** The method this call was calling. */
    public String method() {
        return method;
    }

    /** The endpoint it called, e.g. {@code tcp://127.0.0.1:9100}. */
    public String endpoint() {
        return endpoint;
    }
}
