package io.nativebundle.api;

/**
 * Base type of the errors nativebundle raises. The message names the bundle or library, what
 * was expected and what was found.
 */
public class NativeBundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NativeBundleException(String message) {
        super(message);
    }

    public NativeBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
