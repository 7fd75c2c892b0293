package io.nativebundle.shell.internal;

import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.ManifestHeader;

/**
 * What the shell shows of one native bundle. An active bundle is described by its loaded
 * {@link NativeLibrary}; for the others, the version and the declared tenant come from the
 * bundle's headers, and what only a loaded library has (platform, namespace, digest) is empty.
 *
 * @param sha256    the full digest; the table shortens it
 * @param isolation {@code in-process} or {@code process}, when loaded
 * @param host      the host process's state, when the library runs out of process
 */
record LibraryRow(long id, String symbolicName, String library, Optional<String> version, Optional<String> platform,
                  NativeBundleStatus.State state, Optional<RefusalReason> reason, Optional<String> tenant,
                  Optional<String> namespace, Optional<String> sha256, String detail, Optional<String> isolation,
                  Optional<String> host) {

    /** Digits of the digest shown in tables. */
    static final int SHORT_DIGEST = 12;

    /**
     * @param headers the bundle's raw headers, empty when the bundle is gone
     */
    static LibraryRow of(NativeBundleStatus status, Map<String, String> headers) {
        Optional<NativeLibrary> loaded = status.loaded();
        if (loaded.isPresent()) {
            NativeLibrary l = loaded.get();
            return new LibraryRow(status.bundleId(), status.symbolicName(), status.library(),
                    Optional.of(l.version().toString()), Optional.of(l.platform()), status.state(), status.reason(),
                    Optional.of(l.tenant()), Optional.of(l.namespace()), Optional.of(l.sha256()), status.detail(),
                    Optional.of(l.isolation()), HostView.state(l));
        }
        // read with the loader's clause grammar; a header that does not parse shows no version
        Optional<String> version = ManifestHeader.firstAttribute(
                headers.get(NativeBundleConstants.HEADER_LIBRARY), NativeBundleConstants.ATTR_VERSION);
        // Only the declared tenant is known here: the loader may also take it from the plugin folder,
        // which the API does not report for a bundle it did not load.
        Optional<String> tenant = Optional.ofNullable(headers.get(NativeBundleConstants.HEADER_TENANT))
                .map(String::strip).filter(t -> !t.isEmpty());
        return new LibraryRow(status.bundleId(), status.symbolicName(), status.library(), version, Optional.empty(),
                status.state(), status.reason(), tenant, Optional.empty(), Optional.empty(), status.detail(),
                Optional.empty(), Optional.empty());
    }

    /** {@code ACTIVE}, or {@code REFUSED (DIGEST_MISMATCH)} when there is a reason. */
    String stateText() {
        return reason.map(r -> state + " (" + r + ")").orElse(state.toString());
    }

    Optional<String> shortDigest() {
        return sha256.map(s -> s.length() > SHORT_DIGEST ? s.substring(0, SHORT_DIGEST) : s);
    }
}
