package io.nativebundle.loader.internal.tenant;

/**
 * What the publishers register for a native service of a tenant: with {@link Tenants#gate()}, a
 * service factory that gives the object only to bundles that may see that tenant.
 *
 * <pre>{@code
 * context.registerService(NativeFunction.class.getName(), gate.guard("acme", add, "NativeFunction add of math"), props);
 * }</pre>
 */
@FunctionalInterface
public interface ServiceGate {

    /**
     * @param tenant      the tenant that owns the service ({@code default}: everybody may have it)
     * @param service     the service object
     * @param description names the service in the log when a bundle is refused it
     * @return the object to register: the service itself or a {@code ServiceFactory} of it
     */
    Object guard(String tenant, Object service, String description);
}
