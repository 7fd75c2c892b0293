package io.nativebundle.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one native bundle stands: its library is loaded, was refused, cannot resolve, or is not
 * loaded because the bundle is not active.
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users.
 */
public final class NativeBundleStatus {

    /** The state of a native bundle as the operator sees it. */
    public enum State {
        /** The library is verified, open and its services are registered. */
        ACTIVE,
        /** The bundle is active but the loader refused its library; see the reason. */
        REFUSED,
        /** The framework cannot resolve the bundle, e.g. wrong platform or ABI. */
        UNRESOLVED,
        /** The bundle resolves but is not active, so its library is not loaded. */
        UNLOADED
    }

    private final long bundleId;
    private final String symbolicName;
    private final String library;
    private final State state;
    private final Optional<RefusalReason> reason;
    private final String detail;
    private final Optional<NativeLibrary> loaded;

    /**
     * @param bundleId     the bundle id
     * @param symbolicName the bundle's symbolic name
     * @param library      the library name from {@code NativeBundle-Library}, or the raw header when it does not parse
     * @param state        the state
     * @param reason       why the library was refused or the bundle did not resolve; empty otherwise
     * @param detail       a readable explanation: what was expected and what was found; when active, empty
     *                     unless earlier generations of the library are still mapped after their unload
     * @param loaded       the loaded library when {@code state} is {@link State#ACTIVE}
     */
    public NativeBundleStatus(long bundleId, String symbolicName, String library, State state,
            Optional<RefusalReason> reason, String detail, Optional<NativeLibrary> loaded) {
        this.bundleId = bundleId;
        this.symbolicName = Objects.requireNonNull(symbolicName, "symbolicName");
        this.library = Objects.requireNonNull(library, "library");
        this.state = Objects.requireNonNull(state, "state");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.loaded = Objects.requireNonNull(loaded, "loaded");
    }

    /** The bundle id. */
    public long bundleId() {
        return bundleId;
    }

    /** The bundle's symbolic name. */
    public String symbolicName() {
        return symbolicName;
    }

    /** The library name from {@code NativeBundle-Library}, or the raw header when it does not parse. */
    public String library() {
        return library;
    }

    /** The state. */
    public State state() {
        return state;
    }

    /** Why the library was refused or the bundle did not resolve; empty otherwise. */
    public Optional<RefusalReason> reason() {
        return reason;
    }

    /**
     * A readable explanation: what was expected and what was found; when active, empty unless
     * earlier generations of the library are still mapped after their unload.
     */
    public String detail() {
        return detail;
    }

    /** The loaded library when the state is {@link State#ACTIVE}. */
    public Optional<NativeLibrary> loaded() {
        return loaded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeBundleStatus s && bundleId == s.bundleId && symbolicName.equals(s.symbolicName)
                && library.equals(s.library) && state == s.state && reason.equals(s.reason)
                && detail.equals(s.detail) && loaded.equals(s.loaded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundleId, symbolicName, library, state, reason, detail, loaded);
    }

    @Override
    public String toString() {
        return "NativeBundleStatus[bundleId=" + bundleId + ", symbolicName=" + symbolicName + ", library=" + library
                + ", state=" + state + ", reason=" + reason + ", detail=" + detail + ", loaded=" + loaded + "]";
    }
}
