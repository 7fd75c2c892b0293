package io.nativebundle.loader.internal.remote;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Hides the services the distribution provider registers for imported native libraries from every
 * bundle but the loader (and the framework itself), which registers them again as consumers should
 * see them ({@link ImportedServices}): in the import's tenant, failing with
 * {@code NativeRemoteCallException}. Without this a consumer could bind the provider's raw proxy,
 * with the tenant the other side claims and the provider's own exceptions.
 */
final class RawImportHook implements FindHook, EventListenerHook {

    /**
     * Marks the loader's own registrations ({@link #WRAPPED}): they are registered through the
     * provider's context too, so the registrant cannot tell them apart, and a property the other side
     * could send cannot either; a value drawn when the loader starts can.
     */
    static final String WRAPPED = "nativebundle.remote.wrapped";

    private final long loader;
    private final String mark = UUID.randomUUID().toString();

    RawImportHook(Bundle loader) {
        this.loader = loader.getBundleId();
    }

    /** The value of {@link #WRAPPED} on the loader's own registrations. */
    String mark() {
        return mark;
    }

    /** Whether {@code ref} is a provider's imported native service, which only the loader may see. */
    boolean isRaw(ServiceReference<?> ref) {
        return ref.getProperty(RemoteProperties.SERVICE_IMPORTED) != null
                && ref.getProperty(NativeBundleConstants.LIBRARY) != null
                && !mark.equals(ref.getProperty(WRAPPED));
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (!maySee(context)) {
            references.removeIf(this::isRaw);
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (isRaw(event.getServiceReference())) {
            listeners.keySet().removeIf(context -> !maySee(context));
        }
    }

    private boolean maySee(BundleContext context) {
        try {
            long id = context.getBundle().getBundleId();
            return id == loader || id == 0;
        } catch (IllegalStateException stale) {
            return false;
        }
    }
}
