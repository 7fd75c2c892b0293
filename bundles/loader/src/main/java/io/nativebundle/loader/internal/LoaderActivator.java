package io.nativebundle.loader.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.loader.internal.backend.BackendSelection;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.backend.host.HostRuntime;
import io.nativebundle.loader.internal.backend.host.HostSettings;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.load.LoadPipeline;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.open.GenerationOpener;
import io.nativebundle.loader.internal.open.Isolations;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolPublisher;
import io.nativebundle.loader.internal.remote.RemoteExports;
import io.nativebundle.loader.internal.remote.AdvertisedAddressBinding;
import io.nativebundle.loader.internal.remote.TcpNoDelay;
import io.nativebundle.loader.internal.remote.RemoteImportsRuntime;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.status.RegistryService;
import io.nativebundle.loader.internal.tenant.TenantIsolation;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.trust.LockCheck;
import io.nativebundle.loader.internal.trust.TrustCheck;
import io.nativebundle.loader.internal.unload.Unloader;
import io.nativebundle.loader.internal.verify.JarVerifier;

/**
 * Starts the extender: a {@link BundleTracker} over ACTIVE bundles with {@code NativeBundle-Library}.
 * The loader provides the {@code io.nativebundle} extender capability that native bundles require
 * ({@link NativeBundleConstants#EXTENDER_REQUIREMENT}), so tooling and the resolver wire them to it.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
@Capability(namespace = ExtenderWiring.NAMESPACE, name = NativeBundleConstants.EXTENDER,
        version = NativeBundleConstants.EXTENDER_VERSION)
public final class LoaderActivator implements BundleActivator {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** Service properties of {@link NativeLibraryRegistry}: unloads past their timeout since start, generations still mapped. */
    static final String UNLOAD_TIMEOUTS = "nativebundle.unload.timeouts";
    static final String UNLOAD_LINGERING = "nativebundle.unload.lingering";

    private BundleTracker<NativeBundleTracker.Entry> tracker;
    private MetricsRegistry metrics;
    private NativeCache cache;
    private LifecycleEvents events;
    private Unloader unloader;
    private HostRuntime hosts;
    private RemoteImportsRuntime imports;

    @Override
    public void start(BundleContext context) throws IOException {
        // the tenant isolation hooks first, so that no plugin ever looks a service up unfiltered
        Tenants tenants = Tenants.start(context);
        // before any library is exported: Aries' TCP provider listens where its endpoint says, loopback by default
        context.registerService(WeavingHook.class, new AdvertisedAddressBinding(), null);
        // and sends each small write of a call at once (Nagle's algorithm stalled one call in several by 40 ms)
        context.registerService(WeavingHook.class, new TcpNoDelay(), null);
        cache = NativeCache.open(cacheRoot(context));
        events = LifecycleEvents.open(context);
        tenants.followConfigurations(context, events::policy);
        // before any plugin library is opened: see JnrBackend. Out of process and under FFM too: the host
        // backend runs on it, and FFM hands it what it does not carry itself
        NativeBackend jnr = new JnrBackend();
        BackendSelection.Choice choice = BackendSelection.choose(
                context.getProperty(NativeBundleConstants.BACKEND_PROPERTY), jnr);
        choice.problem().ifPresent(problem -> LOG.log(Level.ERROR, "nativebundle: " + problem));
        NativeBackend backend = choice.backend();
        unloader = new Unloader(Unloader.timeout(context.getProperty(Unloader.TIMEOUT_PROPERTY)), events, cache::delete);
        metrics = MetricsRegistry.platform(context::getProperty);
        context.registerService(NativeMetrics.class, metrics, null);
        NativeCodeSelector selector = new NativeCodeSelector(nativeCapability(context));
        // libraries out of process: nothing is copied out or started until the first one loads
        HostSettings hostSettings = HostSettings.defaults();
        String hostProblem = null;
        try {
            hostSettings = HostSettings.of(context::getProperty);
        } catch (IllegalArgumentException e) {
            // only the libraries that would run out of process are refused for it, naming the setting
            hostProblem = e.getMessage();
            LOG.log(Level.ERROR, "nativebundle: " + hostProblem + "; libraries that run out of process are refused");
        }
        HostIncidents incidents = new HostIncidents(events);
        hosts = new HostRuntime(hostSettings, incidents, jnr, cache::hostFolder,
                LoaderActivator.class.getClassLoader());
        Isolations isolations = new Isolations(hosts, new TenantIsolation(tenants::policy), hostSettings,
                hostProblem);
        RemoteExports exports = RemoteExports.of(context::getProperty);
        exports.followConfigurations(context, events::policy);
        LoadPipeline pipeline = new LoadPipeline(selector, tenants, () -> RuntimeHost.of(context), cache,
                new GenerationOpener(backend, isolations), new SymbolPublisher(context, metrics, tenants.gate()),
                new ServicePublisher(context, tenants.gate()),
                unloader, new TrustCheck(tenants::trust), new LockCheck(() -> lockFile(context)),
                exports);
        NativeBundleTracker customizer = new NativeBundleTracker(pipeline, unloader, events,
                new ExtenderWiring(context.getBundle()));
        incidents.tracker(customizer);
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, customizer);
        tracker.open();
        ServiceRegistration<NativeLibraryRegistry> registry = context.registerService(NativeLibraryRegistry.class,
                new RegistryService(context, customizer, unloader::lingering, tenants::sees), registryProperties(unloader));
        unloader.setListener(() -> {
            try {
                registry.setProperties(registryProperties(unloader));
            } catch (IllegalStateException stopping) {
                // unregistered while the loader stops
            }
        });
        context.registerService(NativeBundleVerifier.class, new JarVerifier(context, selector,
                () -> tenants.trust(NativeBundleConstants.DEFAULT_TENANT)), null);
        imports = RemoteImportsRuntime.start(context, tenants);
        metrics.remote(imports.services()::stats);
    }

    @Override
    public void stop(BundleContext context) {
        if (imports != null) {
            imports.close();
        }
        try {
            // unloads every library: each unload waits at most the unload timeout
            tracker.close();
        } finally {
            unloader.close();
            // after the last unload: ends the hosts of generations still lingering
            hosts.close();
            events.close();
            cache.close();
            // the MBeans live in the JVM-wide platform MBeanServer, beyond this framework
            metrics.close();
        }
    }

    private static Hashtable<String, Object> registryProperties(Unloader unloader) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(UNLOAD_TIMEOUTS, unloader.timeouts());
        p.put(UNLOAD_LINGERING, unloader.lingering().size());
        return p;
    }

    /**
     * The cache folder from {@code io.nativebundle.cache.dir}; otherwise the loader's own data
     * area in the framework storage, never {@code /tmp}, which is often mounted {@code noexec}.
     */
    private static Path cacheRoot(BundleContext context) {
        String configured = context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return context.getDataFile("native").toPath();
    }

    /** The lock file of {@code io.nativebundle.lockfile}, read at every load so that it can be set while running. */
    private static Optional<Path> lockFile(BundleContext context) {
        String configured = context.getProperty(NativeBundleConstants.LOCKFILE_PROPERTY);
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured.trim()));
    }

    private static Map<String, Object> nativeCapability(BundleContext context) {
        List<BundleCapability> capabilities = context.getBundle(Constants.SYSTEM_BUNDLE_ID)
                .adapt(BundleRevision.class).getDeclaredCapabilities("osgi.native");
        return capabilities.isEmpty() ? Map.of() : capabilities.get(0).getAttributes();
    }
}
