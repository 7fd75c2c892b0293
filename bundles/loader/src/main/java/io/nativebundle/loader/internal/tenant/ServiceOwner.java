package io.nativebundle.loader.internal.tenant;

import java.util.Objects;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Who a service belongs to, for visibility: everybody (the runtime's services and the default
 * tenant's), one tenant, or nobody but the runtime (services of bundles with an invalid tenant,
 * and services whose tenant property is not a valid id).
 */
final class ServiceOwner {

    static final ServiceOwner PUBLIC = new ServiceOwner(null);
    static final ServiceOwner RUNTIME_ONLY = new ServiceOwner(null);

    private final String tenant;

    private ServiceOwner(String tenant) {
        this.tenant = tenant;
    }

    static ServiceOwner tenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return tenant.equals(NativeBundleConstants.DEFAULT_TENANT) ? PUBLIC : new ServiceOwner(tenant);
    }

    boolean isPublic() {
        return this == PUBLIC;
    }

    /** Whether a bundle of {@code viewer} may find this service and hear its events. */
    boolean visibleTo(BundleTenant viewer) {
        if (this == PUBLIC || viewer.seesEverything()) {
            return true;
        }
        return viewer.kind() == BundleTenant.Kind.PLUGIN && tenant != null && tenant.equals(viewer.tenant());
    }

    @Override
    public String toString() {
        return this == PUBLIC ? "public" : this == RUNTIME_ONLY ? "runtime only" : "tenant " + tenant;
    }
}
