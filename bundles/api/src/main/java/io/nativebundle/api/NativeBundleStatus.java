package io.nativebundle.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one native bundle stands: its library is loaded, was refused, cannot resolve, or is not
 * loaded because the bundle is not active.
 *
 * @param bundleId     the bundle id
 * @param symbolicName the bundle's symbolic name
 * @param library      the library name from {@code NativeBundle-Library}, or the raw header when it does not parse
 * @param state        the state
 * @param reason       why the library was refused or the bundle did not resolve; empty otherwise
 * @param detail       a readable explanation: what was expected and what was found; when active, empty
 *                     unless earlier generations of the library are still mapped after their unload
 * @param loaded       the loaded library when {@code state} is {@link State#ACTIVE}
 */
public record NativeBundleStatus(long bundleId, String symbolicName, String library, State state,
                                 Optional<RefusalReason> reason, String detail, Optional<NativeLibrary> loaded) {

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

    public NativeBundleStatus {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(loaded, "loaded");
    }
}
