package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RemoteStats;
import io.nativebundle.loader.internal.metrics.LatencyHistogram;
import io.nativebundle.loader.internal.tenant.Tenants;

/**
 * The imported native services as consumers see them. For every service a distribution provider
 * imports with {@code nativebundle.library} (hidden from everybody else by {@link RawImportHook}),
 * the loader registers one of its own (through the provider's context) with the same interfaces and properties, except that:
 * <ul>
 * <li>{@code nativebundle.tenant} is the tenant the import was configured with
 *     ({@link RemoteImports}, {@code default} when the import was not configured here), never the
 *     one the other side sent, and the tenant hooks keep it from other tenants;</li>
 * <li>{@code nativebundle.remote=imported}, {@code nativebundle.remote.endpoint} the endpoint id and
 *     {@code nativebundle.remote.framework} the exporting framework's id, when known;</li>
 * <li>a call whose transport fails throws {@code NativeRemoteCallException} ({@link RemoteCallHandler});</li>
 * <li>an import configured here has {@code service.ranking} 1: the operator said where the library
 *     is served, so consumers prefer it to a local generation (ranked 0) and rebind to that one
 *     when the import goes.</li>
 * </ul>
 * The provider's service leaving (its endpoint removed) unregisters this one, so a consumer with
 * a dynamic reference rebinds to another endpoint or a local generation, as for a local service.
 */
public final class ImportedServices extends ServiceTracker<Object, ServiceRegistration<?>> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    private static final Set<String> NOT_COPIED = Set.of(Constants.OBJECTCLASS, Constants.SERVICE_ID,
            Constants.SERVICE_BUNDLEID, Constants.SERVICE_SCOPE, Constants.SERVICE_PID, RemoteImports.MARK,
            NativeBundleConstants.TENANT, Constants.SERVICE_RANKING, RawImportHook.WRAPPED);

    /** The {@code service.ranking} of an import configured here: above the local generations' 0. */
    static final Integer CONFIGURED_RANKING = 1;

    private final BundleContext loader;
    private final Tenants tenants;
    private final RemoteImports imports;
    private final RawImportHook hook;
    /** By library and endpoint ({@code math tcp://127.0.0.1:9100}), so that sorting the keys sorts by library. */
    private final Map<String, RemoteCallStats> stats = new ConcurrentHashMap<>();
    private final ExecutorService callThreads = RemoteCallThreads.open();
    private ServiceRegistration<?> hookRegistration;

    private ImportedServices(BundleContext loader, Filter filter, Tenants tenants, RemoteImports imports) {
        super(loader, filter, null);
        this.loader = loader;
        this.tenants = tenants;
        this.imports = imports;
        this.hook = new RawImportHook(loader.getBundle());
    }

    /** Hides the providers' imported native services and registers the loader's own for each. */
    public static ImportedServices open(BundleContext loader, Tenants tenants, RemoteImports imports) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter("(&(" + RemoteProperties.SERVICE_IMPORTED + "=*)("
                    + NativeBundleConstants.LIBRARY + "=*))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ImportedServices services = new ImportedServices(loader, filter, tenants, imports);
        services.hookRegistration = loader.registerService(
                new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, services.hook, null);
        services.open(true);
        return services;
    }

    /** The calls made through each imported endpoint, in library and endpoint order. */
    public List<RemoteStats> stats() {
        List<RemoteStats> list = new ArrayList<>();
        new TreeMap<>(stats).forEach((key, calls) -> {
            LatencyHistogram.Snapshot latency = calls.latency().snapshot();
            list.add(new RemoteStats(calls.library(), calls.endpoint(), calls.calls(), calls.failed(), latency.mean(),
                    latency.percentile(50), latency.percentile(99)));
        });
        return list;
    }

    @Override
    public ServiceRegistration<?> addingService(ServiceReference<Object> raw) {
        if (!hook.isRaw(raw)) {
            return null; // one of ours
        }
        if (raw.getBundle() == null) {
            return null; // already gone
        }
        String library = String.valueOf(raw.getProperty(NativeBundleConstants.LIBRARY));
        Optional<String> symbol = Optional.ofNullable(raw.getProperty(NativeBundleConstants.SYMBOL)).map(String::valueOf);
        Optional<RemoteImports.Import> configured = imports.of(library, symbol);
        String tenant = configured.map(RemoteImports.Import::tenant).orElse(NativeBundleConstants.DEFAULT_TENANT);
        String endpoint = String.valueOf(raw.getProperty(RemoteProperties.ENDPOINT_ID));
        long timeout = timeoutMillis(raw);
        // by endpoint: each NativeFunction of a library is imported from an endpoint of its own
        RemoteCallStats calls = stats.computeIfAbsent(library + " " + endpoint, k -> new RemoteCallStats(library,
                endpoint));
        String[] types = (String[]) raw.getProperty(Constants.OBJECTCLASS);
        Hashtable<String, Object> properties = properties(raw, tenant);
        if (configured.isPresent()) {
            // the operator said where this library is served: preferred to a local generation, which
            // consumers rebind to when the import goes
            properties.put(Constants.SERVICE_RANKING, CONFIGURED_RANKING);
        }
        properties.put(RawImportHook.WRAPPED, hook.mark());
        // Registered through the provider's context, on its behalf: the framework then takes the
        // consumer's interface class as the service's (the loader does not import the interface's
        // package, and a registration of its own would be filtered out by isAssignableTo), and the
        // registration ends with the provider, like the provider's own.
        BundleContext provider = raw.getBundle() == null ? null : raw.getBundle().getBundleContext();
        if (provider == null) {
            return null;
        }
        ServiceRegistration<?> registration = provider.registerService(types,
                new ImportedServiceFactory(raw, library, tenant, endpoint, timeout, calls, tenants, callThreads), properties);
        LOG.log(Level.DEBUG, "nativebundle: library '" + library + "' imported from " + endpoint + " as "
                + List.of(types) + " for tenant '" + tenant + "'");
        return registration;
    }

    @Override
    public void modifiedService(ServiceReference<Object> raw, ServiceRegistration<?> registration) {
        ServiceReference<?> ours = registration.getReference();
        Hashtable<String, Object> properties = properties(raw, String.valueOf(ours.getProperty(NativeBundleConstants.TENANT)));
        Object ranking = ours.getProperty(Constants.SERVICE_RANKING);
        if (ranking != null) {
            properties.put(Constants.SERVICE_RANKING, ranking);
        }
        properties.put(RawImportHook.WRAPPED, hook.mark());
        registration.setProperties(properties);
    }

    @Override
    public void removedService(ServiceReference<Object> raw, ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException gone) {
            // unregistered with the provider, which stopped
        }
        LOG.log(Level.DEBUG, "nativebundle: library '" + raw.getProperty(NativeBundleConstants.LIBRARY)
                + "' is no longer imported from " + raw.getProperty(RemoteProperties.ENDPOINT_ID));
    }

    @Override
    public void close() {
        super.close();
        callThreads.shutdownNow();
        if (hookRegistration != null) {
            try {
                hookRegistration.unregister();
            } catch (IllegalStateException gone) {
                // the loader is stopping
            }
        }
    }

    private static Hashtable<String, Object> properties(ServiceReference<?> raw, String tenant) {
        Hashtable<String, Object> p = new Hashtable<>();
        for (String key : raw.getPropertyKeys()) {
            if (!NOT_COPIED.contains(key)) {
                p.put(key, raw.getProperty(key));
            }
        }
        p.put(NativeBundleConstants.TENANT, tenant);
        p.put(NativeBundleConstants.REMOTE, NativeBundleConstants.REMOTE_IMPORTED);
        p.put(NativeBundleConstants.REMOTE_ENDPOINT, String.valueOf(raw.getProperty(RemoteProperties.ENDPOINT_ID)));
        Object framework = raw.getProperty(RemoteProperties.ENDPOINT_FRAMEWORK_UUID);
        if (framework != null) {
            p.put(NativeBundleConstants.REMOTE_FRAMEWORK, String.valueOf(framework));
        }
        return p;
    }

    private static long timeoutMillis(ServiceReference<?> raw) {
        Object value = raw.getProperty(RemoteProperties.BASIC_TIMEOUT);
        try {
            return value == null ? 300_000L : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return 300_000L;
        }
    }
}
