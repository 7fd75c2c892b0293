package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

import io.nativebundle.loader.internal.tenant.Fakes.FakeBundle;

public class TenantIsolationHookTest {

    private static final String PLUGINS = "/srv/plugins";

    private final BundleTenants tenants = new BundleTenants(new TenantResolver(new PluginFolder(PLUGINS)));
    private final TenantIsolationHook hook = new TenantIsolationHook(new TenantVisibility(tenants));

    private final FakeBundle system = new FakeBundle(0, "System Bundle", null);
    private final FakeBundle loader = new FakeBundle(3, "file:/opt/nativebundle/bundle/loader.jar", null);
    private final FakeBundle gogo = new FakeBundle(4, "file:/opt/nativebundle/bundle/gogo.jar", null);
    private final FakeBundle acmeMath = new FakeBundle(10, "file:/srv/plugins/acme/math-1.2.0.jar", null);
    private final FakeBundle acmeConsumer = new FakeBundle(11, "file:/srv/plugins/acme/consumer.jar", null);
    private final FakeBundle globexMath = new FakeBundle(12, "test:globex-math", "globex");
    private final FakeBundle globexConsumer = new FakeBundle(13, "file:/srv/plugins/consumer.jar", "globex");
    private final FakeBundle defaultPlugin = new FakeBundle(14, "file:/srv/plugins/calc.jar", null);
    private final FakeBundle invalid = new FakeBundle(15, "file:/srv/plugins/consumer-bad.jar", "ACME!");

    // the typed services: registered by the native bundles themselves
    private final ServiceReference<?> acmeTyped = Fakes.service(acmeMath, "nativebundle.tenant", "acme");
    private final ServiceReference<?> globexTyped = Fakes.service(globexMath, "nativebundle.tenant", "globex");
    // the NativeLibrary descriptions: registered by the loader, owned through their property
    private final ServiceReference<?> acmeLibrary = Fakes.service(loader, "nativebundle.tenant", "acme");
    private final ServiceReference<?> globexLibrary = Fakes.service(loader, "nativebundle.tenant", "globex");
    private final ServiceReference<?> defaultLibrary = Fakes.service(loader, "nativebundle.tenant", "default");
    private final ServiceReference<?> runtimeService = Fakes.service(loader);
    private final ServiceReference<?> acmeCommand = Fakes.service(acmeConsumer);
    private final ServiceReference<?> defaultPluginService = Fakes.service(defaultPlugin);
    private final ServiceReference<?> invalidService = Fakes.service(invalid);
    // a tenant cannot publish into another tenant or make its services public with the property
    private final ServiceReference<?> spoofedIntoAcme = Fakes.service(globexConsumer, "nativebundle.tenant", "acme");
    private final ServiceReference<?> spoofedPublic = Fakes.service(globexConsumer, "nativebundle.tenant", "default");
    private final ServiceReference<?> malformedProperty = Fakes.service(loader, "nativebundle.tenant", "Not Valid");

    private final List<ServiceReference<?>> all = List.of(acmeTyped, globexTyped, acmeLibrary, globexLibrary,
            defaultLibrary, runtimeService, acmeCommand, defaultPluginService, invalidService, spoofedIntoAcme,
            spoofedPublic, malformedProperty);

    private List<ServiceReference<?>> found(FakeBundle finder) {
        Collection<ServiceReference<?>> refs = new ArrayList<>(all);
        hook.find(finder.context, null, null, false, refs);
        return new ArrayList<>(refs);
    }

    @Test
    public void aTenantFindsItsOwnDefaultAndRuntimeServicesOnly() {
        List<ServiceReference<?>> expected = List.of(acmeTyped, acmeLibrary, defaultLibrary, runtimeService,
                acmeCommand, defaultPluginService);
        assertEquals(expected, found(acmeConsumer));
        assertEquals(expected, found(acmeMath));
        assertEquals(List.of(globexTyped, globexLibrary, defaultLibrary, runtimeService, defaultPluginService,
                spoofedIntoAcme, spoofedPublic), found(globexConsumer));
    }

    @Test
    public void theDefaultTenantAndInvalidBundlesFindOnlyDefaultAndRuntimeServices() {
        List<ServiceReference<?>> shared = List.of(defaultLibrary, runtimeService, defaultPluginService);
        assertEquals(shared, found(defaultPlugin));
        assertEquals(shared, found(invalid));
    }

    @Test
    public void runtimeBundlesFindEverything() {
        assertEquals(all, found(system));
        assertEquals(all, found(gogo));
        assertEquals(all, found(loader));
    }

    @Test
    public void eventsReachOnlyTheListenersThatMayFindTheService() {
        assertEquals(Set.of(system.context, gogo.context, acmeMath.context, acmeConsumer.context),
                listenersOf(acmeTyped));
        assertEquals(Set.of(system.context, gogo.context, globexMath.context, globexConsumer.context),
                listenersOf(globexLibrary));
        assertEquals(Set.of(system.context, gogo.context, acmeMath.context, acmeConsumer.context, globexMath.context,
                globexConsumer.context, defaultPlugin.context, invalid.context), listenersOf(defaultLibrary));
        assertEquals(Set.of(system.context, gogo.context), listenersOf(invalidService));
    }

    @Test
    public void theTenantOfABundleIsReadOncePerRevision() {
        found(acmeConsumer);
        found(acmeConsumer);
        int reads = acmeConsumer.headerReads.get() + acmeMath.headerReads.get();
        found(acmeConsumer);
        assertEquals(reads, acmeConsumer.headerReads.get() + acmeMath.headerReads.get());

        acmeConsumer.lastModified++; // an update: the new revision may declare something else
        acmeConsumer.headers.put("NativeBundle-Tenant", "globex");
        assertEquals(List.of(defaultLibrary, runtimeService, defaultPluginService), found(acmeConsumer));
    }

    private Set<BundleContext> listenersOf(ServiceReference<?> ref) {
        Map<BundleContext, Collection<ListenerInfo>> listeners = new HashMap<>();
        for (FakeBundle b : List.of(system, gogo, acmeMath, acmeConsumer, globexMath, globexConsumer, defaultPlugin, invalid)) {
            listeners.put(b.context, new ArrayList<>());
        }
        hook.event(new ServiceEvent(ServiceEvent.REGISTERED, ref), listeners);
        return listeners.keySet();
    }
}
