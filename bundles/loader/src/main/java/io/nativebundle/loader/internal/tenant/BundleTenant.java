package io.nativebundle.loader.internal.tenant;

import java.util.Objects;

import io.nativebundle.api.NativeBundleConstants;

/**
 * What the runtime knows about one bundle's tenant.
 *
 * @param kind   runtime bundle, plugin of a tenant, or plugin with an invalid tenant
 * @param tenant the tenant id; {@code default} for runtime bundles; null when invalid
 * @param detail where the tenant came from, or for an invalid one why it is invalid
 */
record BundleTenant(Kind kind, String tenant, String detail) {

    /** The three kinds of bundle the isolation rules tell apart. */
    enum Kind {
        /**
         * Part of the runtime: the system bundle, and every bundle installed from outside the
         * plugins folder without a {@code NativeBundle-Tenant} header (core bundles, the shell,
         * Gogo). Sees every service. A native library it carries belongs to {@code default}.
         */
        RUNTIME,
        /** Deployed for a tenant, {@code default} included. Sees its tenant's, default and runtime services. */
        PLUGIN,
        /** Its tenant id is invalid or contradicts its folder. Sees default and runtime services only. */
        INVALID
    }

    static final BundleTenant RUNTIME = new BundleTenant(Kind.RUNTIME, NativeBundleConstants.DEFAULT_TENANT,
            "part of the runtime");

    BundleTenant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (kind != Kind.INVALID) {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    static BundleTenant plugin(String tenant, String origin) {
        return new BundleTenant(Kind.PLUGIN, tenant, origin);
    }

    static BundleTenant invalid(String problem) {
        return new BundleTenant(Kind.INVALID, null, problem);
    }

    boolean seesEverything() {
        return kind == Kind.RUNTIME;
    }

    boolean isInvalid() {
        return kind == Kind.INVALID;
    }
}
