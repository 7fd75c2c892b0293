package io.nativebundle.loader.internal.backend.host;

import io.nativebundle.api.RefusalReason;

/** A host process that could not be started, or ended before it was ready; the message says why. */
final class StartFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;
    private final transient Crash crash;

    StartFailure(RefusalReason reason, String message, Crash crash) {
        super(message);
        this.reason = reason;
        this.crash = crash;
    }

    RefusalReason reason() {
        return reason;
    }

    /** How the process ended, when it was started at all; else null. */
    Crash crash() {
        return crash;
    }
}
