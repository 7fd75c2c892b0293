package io.nativebundle.loader.internal.tenant;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.TenantId;

/**
 * Decides who owns a service.
 *
 * <p>A service belongs to the tenant of the bundle that registered it. Only a service registered
 * by a runtime bundle (the loader registers every {@code NativeLibrary}) is owned by its
 * {@code nativebundle.tenant} property; without the property it is public. So a tenant's bundle
 * can neither publish into another tenant nor make its services public by setting the property.
 */
final class TenantVisibility {

    private final BundleTenants tenants;

    TenantVisibility(BundleTenants tenants) {
        this.tenants = tenants;
    }

    ServiceOwner ownerOf(ServiceReference<?> ref) {
        Bundle registrant = ref.getBundle();
        if (registrant != null && !tenants.of(registrant).seesEverything()) {
            return ownerOf(registrant);
        }
        Object property = ref.getProperty(NativeBundleConstants.TENANT);
        if (property == null) {
            return ServiceOwner.PUBLIC;
        }
        return property instanceof String id && TenantId.isValid(id) ? ServiceOwner.tenant(id) : ServiceOwner.RUNTIME_ONLY;
    }

    /**
     * Who a bundle, its exported packages and its bundle events belong to: its tenant for a plugin
     * (public for {@code default}), the runtime only for a bundle whose tenant is invalid, and
     * everybody for a bundle of the runtime.
     */
    ServiceOwner ownerOf(Bundle bundle) {
        BundleTenant tenant = tenants.of(bundle);
        switch (tenant.kind()) {
            case PLUGIN:
                return ServiceOwner.tenant(tenant.tenant());
            case INVALID:
                return ServiceOwner.RUNTIME_ONLY;
            default:
                return ServiceOwner.PUBLIC;
        }
    }

    /** Whether {@code viewer} may see {@code bundle}: a bundle always sees itself. */
    boolean sees(Bundle viewer, Bundle bundle) {
        return viewer.equals(bundle) || ownerOf(bundle).visibleTo(tenants.of(viewer));
    }

    BundleTenant viewer(Bundle bundle) {
        return tenants.of(bundle);
    }
}
