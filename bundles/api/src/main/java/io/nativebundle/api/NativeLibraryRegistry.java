package io.nativebundle.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The loader's view of every native bundle in the framework, including the ones it refused and
 * the ones that did not resolve. The loader registers one such service; the {@code native:}
 * shell commands are built on it.
 *
 * <pre>{@code
 * registry.status(bundle.getBundleId())
 *         .flatMap(NativeBundleStatus::reason)
 *         .ifPresent(r -> log.warn("math refused: {}", r));
 * }</pre>
 */
@ProviderType
public interface NativeLibraryRegistry {

    /** Every installed bundle that declares {@code NativeBundle-Library}, ordered by bundle id. */
    List<NativeBundleStatus> statuses();

    /** The status of one bundle, empty when it is not a native bundle. */
    Optional<NativeBundleStatus> status(long bundleId);
}
