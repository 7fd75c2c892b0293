package io.nativebundle.loader.internal;

import io.nativebundle.api.NativeLibraryRefusedException;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.MalformedHeaderException;

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

    /**
     * The refusal of a bundle whose header breaks the contract: {@code MALFORMED_HEADER} with the
     * contract's message. Only the message is kept: the contract's classes are private to this
     * bundle, so a cause of theirs must not reach a caller of the public API.
     */
    public static LoadRefusal malformedHeader(MalformedHeaderException e) {
        return new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
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
