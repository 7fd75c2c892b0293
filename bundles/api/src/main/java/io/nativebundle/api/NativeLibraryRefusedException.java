package io.nativebundle.api;

/**
 * A native bundle was refused: one check failed before its library was opened, or opening it
 * failed. Nothing of the bundle was loaded or registered.
 */
public class NativeLibraryRefusedException extends NativeBundleException {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;

    public NativeLibraryRefusedException(RefusalReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public NativeLibraryRefusedException(RefusalReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** The named reason. */
    public RefusalReason reason() {
        return reason;
    }
}
