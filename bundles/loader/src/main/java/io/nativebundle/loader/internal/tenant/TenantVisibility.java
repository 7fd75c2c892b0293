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
        if (registrant != null) {
            BundleTenant tenant = tenants.of(registrant);
            switch (tenant.kind()) {
                case PLUGIN:
                    return ServiceOwner.tenant(tenant.tenant());
                case INVALID:
                    return ServiceOwner.RUNTIME_ONLY;
                default:
                    break;
            }
        }
        Object property = ref.getProperty(NativeBundleConstants.TENANT);
        if (property == null) {
            return ServiceOwner.PUBLIC;
        }
        return property instanceof String id && TenantId.isValid(id) ? ServiceOwner.tenant(id) : ServiceOwner.RUNTIME_ONLY;
    }

    BundleTenant viewer(Bundle bundle) {
        return tenants.of(bundle);
    }
}
