package io.nativebundle.runtime;

/**
 * The runtime cannot start as configured: a core bundle is missing or fails to start, a folder
 * cannot be created, Gogo is not there. The message names the file or bundle at fault.
 */
final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
