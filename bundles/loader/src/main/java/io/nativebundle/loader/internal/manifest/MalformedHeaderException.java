package io.nativebundle.loader.internal.manifest;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/** A manifest header that does not parse; the message names the header and the column. */
public final class MalformedHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
        super(message);
    }

    /** The refusal of a bundle with this header: {@code MALFORMED_HEADER} and this message. */
    public LoadRefusal refusal() {
        return new LoadRefusal(RefusalReason.MALFORMED_HEADER, getMessage());
    }
}
