package io.nativebundle.loader.internal.tenant;

/**
 * A native bundle may not load its library for its tenant: the tenant is invalid, contradicts
 * the bundle's folder, or is over a quota. The loader turns it into {@code TENANT_REFUSED}.
 */
public final class TenantRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    TenantRefusal(String message) {
        super(message);
    }
}
