package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.loader.internal.tenant.Tenants;

/**
 * One imported library's service, per consumer bundle: the provider's proxy as that bundle gets it
 * (the provider loads the interface through the consumer), behind a {@link RemoteCallHandler}. A
 * bundle that may not see the import's tenant gets {@code null}, like the loader's local services.
 * An imported {@code NativeFunction} is an {@link ImportedFunction} around that proxy.
 */
final class ImportedServiceFactory implements ServiceFactory<Object> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final ServiceReference<Object> raw;
    private final String library;
    private final String tenant;
    private final String endpoint;
    private final long timeoutMillis;
    private final RemoteCallStats stats;
    private final Tenants tenants;
    private final ExecutorService threads;

    ImportedServiceFactory(ServiceReference<Object> raw, String library, String tenant, String endpoint,
            long timeoutMillis, RemoteCallStats stats, Tenants tenants, ExecutorService threads) {
        this.threads = threads;
        this.raw = raw;
        this.library = library;
        this.tenant = tenant;
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
        this.stats = stats;
        this.tenants = tenants;
    }

    @Override
    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
        if (!tenants.mayUse(bundle, tenant)) {
            LOG.log(Level.WARNING, "nativebundle: bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId()
                    + "] asked for imported library '" + library + "' of tenant '" + tenant + "'; refused, it gets null");
            return null;
        }
        BundleContext context = bundle.getBundleContext();
        Object target = context == null ? null : context.getService(raw);
        if (target == null) {
            return null;
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : (String[]) raw.getProperty(Constants.OBJECTCLASS)) {
            try {
                Class<?> type = bundle.loadClass(name);
                if (type.isInterface() && type.isInstance(target)) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                // an interface this bundle does not see: not offered to it
            }
        }
        if (types.isEmpty()) {
            context.ungetService(raw);
            return null;
        }
        Object remote = Proxy.newProxyInstance(types.get(0).getClassLoader(), types.toArray(new Class<?>[0]),
                new RemoteCallHandler(target, library, endpoint, timeoutMillis, stats, threads));
        Object symbol = raw.getProperty(NativeBundleConstants.SYMBOL);
        if (types.equals(List.of(NativeFunction.class)) && symbol != null) {
            // what only makes sense in this process (its name, its library, typed views) is answered here
            return new ImportedFunction((NativeFunction) remote, symbol.toString(), library, endpoint);
        }
        return remote;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        try {
            BundleContext context = bundle.getBundleContext();
            if (context != null) {
                context.ungetService(raw);
            }
        } catch (IllegalStateException stopping) {
            // the consumer's context is gone, and its use of the provider's service with it
        }
    }
}
