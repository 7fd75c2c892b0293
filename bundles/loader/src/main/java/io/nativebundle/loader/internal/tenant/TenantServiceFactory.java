package io.nativebundle.loader.internal.tenant;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * A native service registered as a service factory that hands the service object only to
 * bundles that may see the service's tenant, and {@code null} to every other bundle.
 *
 * <p>The hooks hide a service from lookups and events. This closes every other path to the
 * object: a reference from {@code Bundle.getRegisteredServices()} or {@code getServicesInUse()}
 * of a visible bundle (the loader registers every tenant's {@code NativeFunction}s), a reference
 * handed over by a third bundle, and {@code getServiceObjects}. The framework asks the factory once
 * per consumer bundle and then caches the object for that bundle, so a call through the service
 * object never passes here: the typed call path is the same object and the same code as without it.
 */
final class TenantServiceFactory<S> implements ServiceFactory<S> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final ServiceOwner owner;
    private final S service;
    private final String description;
    private final BundleTenants tenants;
    private final AtomicLong denied;

    TenantServiceFactory(String tenant, S service, String description, BundleTenants tenants, AtomicLong denied) {
        this.owner = ServiceOwner.tenant(tenant);
        this.service = service;
        this.description = description;
        this.tenants = tenants;
        this.denied = denied;
    }

    @Override
    public S getService(Bundle bundle, ServiceRegistration<S> registration) {
        BundleTenant viewer = tenants.of(bundle);
        if (owner.visibleTo(viewer)) {
            return service;
        }
        long count = denied.incrementAndGet();
        LOG.log(Level.WARNING, "nativebundle: " + BundleTenants.describe(bundle) + " ("
                + (viewer.isInvalid() ? "no valid tenant" : "tenant '" + viewer.tenant() + "'") + ") asked for "
                + description + " of " + owner + "; refused, it gets null (" + count
                + " such request(s) refused since the loader started)");
        return null;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<S> registration, S released) {
        // the object is shared by every bundle that may see it; nothing to release per bundle
    }
}
