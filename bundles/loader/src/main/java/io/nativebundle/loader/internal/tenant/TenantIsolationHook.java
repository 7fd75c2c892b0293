package io.nativebundle.loader.internal.tenant;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Keeps tenants apart in the service registry. The find hook removes another tenant's services
 * from {@code getServiceReferences} (and so from every ServiceTracker and SCR reference); the
 * event hook keeps their service events away from the other tenants' listeners.
 *
 * <p>No {@code ListenerHook} is needed: it only reports which listeners exist, and hiding events
 * is the event hook's job. Both hooks run at lookup and event time only, never on a call
 * through a service object.
 */
final class TenantIsolationHook implements FindHook, EventListenerHook {

    private final TenantVisibility visibility;

    TenantIsolationHook(TenantVisibility visibility) {
        this.visibility = visibility;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
                     Collection<ServiceReference<?>> references) {
        BundleTenant viewer = viewerOf(context);
        if (viewer.seesEverything()) {
            return;
        }
        references.removeIf(ref -> !visibility.ownerOf(ref).visibleTo(viewer));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceOwner owner = visibility.ownerOf(event.getServiceReference());
        if (owner.isPublic()) {
            return;
        }
        listeners.keySet().removeIf(context -> !owner.visibleTo(viewerOf(context)));
    }

    private BundleTenant viewerOf(BundleContext context) {
        try {
            return visibility.viewer(context.getBundle());
        } catch (IllegalStateException stale) {
            return BundleTenant.invalid("its bundle context is no longer valid");
        }
    }
}
