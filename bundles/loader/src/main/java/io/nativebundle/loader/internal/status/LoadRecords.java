package io.nativebundle.loader.internal.status;

import java.util.Optional;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.loader.internal.LoadRefusal;

/** What the extender knows about each native bundle it tracks, as the registry reports it. */
public interface LoadRecords {

    /** The library of a bundle whose library is loaded. */
    Optional<NativeLibrary> loaded(long bundleId);

    /** Why the library of an ACTIVE bundle was not loaded. */
    Optional<LoadRefusal> refusal(long bundleId);

    /** The other extender an ACTIVE bundle is wired to, e.g. {@code org.example.loader 2.0.0 [12]}; this loader skipped it. */
    Optional<String> otherExtender(long bundleId);
}
