package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;

/**
 * What the host backend reports upwards; the loader posts the events ({@code io/nativebundle/HOST_CRASHED},
 * {@code HOST_RESTARTED}, {@code CALL_TIMEOUT}) and, when a library crashed too often, refuses it
 * with {@code HOST_CRASHED}. Called from the backend's own threads; an implementation must not block.
 */
public interface HostEvents {

    /** A host process ended unexpectedly; {@code crash} says how and during which call. */
    void crashed(HostIdentity host, Crash crash);

    /** A new host process serves the library, after the {@code restarts}-th restart. */
    void restarted(HostIdentity host, long pid, int restarts);

    /** A call of {@code symbol} overran {@code timeout}; its host process {@code pid} was ended. */
    void timedOut(HostIdentity host, String symbol, Duration timeout, long pid);

    /** The host crashed too often: no restart follows and the library is to be refused; {@code message} says why. */
    void gaveUp(HostIdentity host, String message);

    /** Events that go nowhere, for tests. */
    HostEvents NONE = new HostEvents() {
        @Override
        public void crashed(HostIdentity host, Crash crash) {
        }

        @Override
        public void restarted(HostIdentity host, long pid, int restarts) {
        }

        @Override
        public void timedOut(HostIdentity host, String symbol, Duration timeout, long pid) {
        }

        @Override
        public void gaveUp(HostIdentity host, String message) {
        }
    };
}
