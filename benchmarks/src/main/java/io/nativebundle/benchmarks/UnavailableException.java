package io.nativebundle.benchmarks;

/**
 * A benchmarked path that this build of nativebundle does not offer yet (for example no
 * {@code NativeFunction} services are registered). The runner reports it as unavailable with
 * this message instead of failing.
 */
public final class UnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
