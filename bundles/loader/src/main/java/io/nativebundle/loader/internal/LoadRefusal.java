package io.nativebundle.loader.internal;

import io.nativebundle.api.NativeLibraryRefusedException;
import io.nativebundle.api.RefusalReason;

/** A check failed; carries the named reason and the message for the operator. */
public final class LoadRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;

    public LoadRefusal(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LoadRefusal(RefusalReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }

    NativeLibraryRefusedException toPublic() {
        return new NativeLibraryRefusedException(reason, getMessage(), getCause());
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
