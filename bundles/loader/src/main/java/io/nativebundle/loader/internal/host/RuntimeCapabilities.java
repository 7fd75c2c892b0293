package io.nativebundle.loader.internal.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.nativebundle.api.NativeBundleConstants;

/**
 * What this runtime offers the resolver, and where a message finds it.
 *
 * <p>The loader bundle itself provides the runtime's ABI ({@code Provide-Capability} in its
 * {@code bnd.bnd}), so native bundles resolve in any OSGi framework the loader is
 * installed in, with no framework property set by a launcher. A native bundle installed before
 * the loader stays INSTALLED until the loader is; the next start attempt then resolves it
 * (FileInstall, Karaf's deployer and its features service retry on their own). Its ABI wire goes
 * to the loader, so refreshing the loader refreshes the native bundles with it.
 */
public final class RuntimeCapabilities {

    private RuntimeCapabilities() {
    }

    /**
     * The capabilities the installed bundles declare in {@code namespace}, in bundle id order: the
     * system bundle's {@code osgi.native}, the loader's {@code io.nativebundle.abi} (and the system
     * bundle's, where a launcher still sets one).
     */
    public static List<BundleCapability> offered(BundleContext context, String namespace) {
        List<BundleCapability> offered = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision != null && bundle.getState() != Bundle.UNINSTALLED) {
                offered.addAll(revision.getDeclaredCapabilities(namespace));
            }
        }
        return offered;
    }

    /** The highest {@code io.nativebundle.abi} version offered; empty when no loader is installed. */
    public static Optional<Version> abi(BundleContext context) {
        return offered(context, NativeBundleConstants.ABI_NAMESPACE).stream()
                .map(capability -> version(capability.getAttributes().get(NativeBundleConstants.ABI_NAMESPACE)))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    private static Optional<Version> version(Object value) {
        if (value instanceof Version version) {
            return Optional.of(version);
        }
        try {
            return value == null ? Optional.empty() : Optional.of(Version.parseVersion(value.toString()));
        } catch (IllegalArgumentException e) {
            // a malformed capability offers no ABI; the resolver would not match it either
            return Optional.empty();
        }
    }
}
