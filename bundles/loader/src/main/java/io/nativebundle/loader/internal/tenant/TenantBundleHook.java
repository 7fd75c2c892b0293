package io.nativebundle.loader.internal.tenant;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * Hides the bundles of other tenants from a tenant's bundles: {@code getBundles()},
 * {@code getBundle(id)} and bundle events (for {@code BundleListener}s and
 * {@code SynchronousBundleListener}s alike). Without it a bundle of one tenant could walk to
 * another tenant's bundle and ask for its {@code getRegisteredServices()}.
 *
 * <p>The rules are those of services ({@link ServiceOwner}): runtime bundles see every bundle and
 * are seen by all, {@code default} plugins are seen by all, a plugin sees its own tenant's bundles,
 * and a bundle always sees itself. {@code getBundle(String location)} is not subject to bundle find
 * hooks (OSGi Core 60.1); it returns a bundle only to a caller that knows its location.
 */
final class TenantBundleHook implements FindHook, EventHook {

    private final TenantVisibility visibility;

    TenantBundleHook(TenantVisibility visibility) {
        this.visibility = visibility;
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        Bundle viewer = viewerOf(context);
        if (viewer == null) {
            return; // a stale context finds nothing the framework would still hand out
        }
        if (visibility.viewer(viewer).seesEverything()) {
            return;
        }
        bundles.removeIf(bundle -> !visibility.sees(viewer, bundle));
    }

    @Override
    public void event(BundleEvent event, Collection<BundleContext> contexts) {
        Bundle subject = event.getBundle();
        if (visibility.ownerOf(subject).isPublic()) {
            return;
        }
        contexts.removeIf(context -> {
            Bundle viewer = viewerOf(context);
            return viewer == null || !visibility.sees(viewer, subject);
        });
    }

    private static Bundle viewerOf(BundleContext context) {
        try {
            return context.getBundle();
        } catch (IllegalStateException stale) {
            return null;
        }
    }
}
