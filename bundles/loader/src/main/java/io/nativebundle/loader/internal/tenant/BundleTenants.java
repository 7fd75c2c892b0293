package io.nativebundle.loader.internal.tenant;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The tenant of every bundle, cached by bundle id and last-modified time so that the service
 * hooks, which run on every lookup and every service event, pay a map lookup and not a manifest
 * read. An update changes the last-modified time, so a new revision is resolved again.
 */
final class BundleTenants {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private record Cached(long lastModified, BundleTenant tenant) {
    }

    private final TenantResolver resolver;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    BundleTenants(TenantResolver resolver) {
        this.resolver = resolver;
    }

    BundleTenant of(Bundle bundle) {
        long id = bundle.getBundleId();
        long modified = bundle.getLastModified();
        Cached cached = cache.get(id);
        if (cached != null && cached.lastModified() == modified) {
            return cached.tenant();
        }
        BundleTenant tenant;
        try {
            tenant = resolver.resolve(id, bundle.getLocation(),
                    bundle.getHeaders("").get(NativeBundleConstants.HEADER_TENANT));
        } catch (RuntimeException e) {
            // unreadable headers or a denied location: isolate the bundle, and try again next time
            return BundleTenant.invalid("its location or headers cannot be read: " + e);
        }
        cache.put(id, new Cached(modified, tenant));
        if (tenant.isInvalid()) {
            LOG.log(Level.WARNING, "nativebundle: " + describe(bundle) + " has no valid tenant: " + tenant.detail()
                    + ". It sees only default and runtime services, and a native library in it is not loaded.");
        }
        return tenant;
    }

    /** Drops what is known about an uninstalled or updated bundle. */
    void forget(long bundleId) {
        cache.remove(bundleId);
    }

    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
