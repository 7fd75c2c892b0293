package io.nativebundle.loader.internal.load;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;

/**
 * Just enough of a framework, as proxies, for the load pipeline outside OSGi: bundles with headers
 * and entries, a context that records registrations and tells service listeners of
 * unregistrations (the tenant quotas listen to them), and framework properties.
 */
final class FakeFramework {

    /** One registered service. */
    static final class Registered {
        final Bundle registrant;
        final String type;
        final Object service;
        final Dictionary<String, ?> properties;
        volatile boolean unregistered;

        Registered(Bundle registrant, String type, Object service, Dictionary<String, ?> properties) {
            this.registrant = registrant;
            this.type = type;
            this.service = service;
            this.properties = properties;
        }

        /**
         * The object {@code consumer} gets: the publishers register native services as service
         * factories that check the consumer's tenant, as the framework would call them.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object serviceFor(Bundle consumer) {
            return service instanceof ServiceFactory factory ? factory.getService(consumer, null) : service;
        }
    }

    final Map<String, String> properties = new HashMap<>();
    final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    private final List<ServiceListener> listeners = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger(100);
    /** Registrations of this type fail, to test the undo of a load refused while publishing. */
    volatile String failRegistrationOf;
    final Bundle loader = bundle("io.nativebundle.loader", "test:loader", new Hashtable<>(), Map.of());

    /** A bundle installed from {@code location}, with {@code headers} and jar entries at {@code entries}. */
    Bundle bundle(String symbolicName, String location, Hashtable<String, String> headers, Map<String, URL> entries) {
        long id = ids.incrementAndGet();
        headers.put("Bundle-SymbolicName", symbolicName);
        Bundle[] self = new Bundle[1];
        BundleContext context = context(() -> self[0]);
        self[0] = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.emptyVersion;
                    case "getLocation" -> location;
                    case "getLastModified" -> 1L;
                    case "getState" -> Bundle.ACTIVE;
                    case "getHeaders" -> new Hashtable<>(headers);
                    case "getEntry" -> entries.get((String) args[0]);
                    case "loadClass" -> Class.forName((String) args[0], false, FakeFramework.class.getClassLoader());
                    case "getBundleContext" -> context;
                    case "adapt" -> null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " [" + id + "]";
                    default -> throw new UnsupportedOperationException("Bundle." + method.getName());
                });
        return self[0];
    }

    /** The loader's context. */
    BundleContext loaderContext() {
        return loader.getBundleContext();
    }

    /** The services of {@code type} that are still registered. */
    List<Registered> live(String type) {
        synchronized (registered) {
            return registered.stream().filter(r -> r.type.equals(type) && !r.unregistered).toList();
        }
    }

    private interface Self {
        Bundle get();
    }

    private BundleContext context(Self bundle) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle.get();
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundles" -> new Bundle[0];
                    case "addBundleListener" -> null;
                    case "addServiceListener" -> listeners.add((ServiceListener) args[0]);
                    case "registerService" -> register(bundle.get(), args);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "context of " + bundle.get();
                    default -> throw new UnsupportedOperationException("BundleContext." + method.getName());
                });
    }

    private ServiceRegistration<?> register(Bundle registrant, Object[] args) {
        String type = args[0] instanceof Class<?> c ? c.getName()
                : args[0] instanceof String[] names ? names[0] : String.valueOf(args[0]);
        if (type.equals(failRegistrationOf)) {
            throw new IllegalStateException("registering " + type + " fails in this test");
        }
        @SuppressWarnings("unchecked")
        Dictionary<String, ?> props = args[2] == null ? new Hashtable<>() : (Dictionary<String, ?>) args[2];
        Registered r = new Registered(registrant, type, args[1], props);
        registered.add(r);
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "getProperty" -> r.properties.get((String) a[0]);
                    case "getBundle" -> r.unregistered ? null : registrant;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    default -> throw new UnsupportedOperationException("ServiceReference." + method.getName());
                });
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, a) -> {
                    if (!method.getName().equals("unregister")) {
                        throw new UnsupportedOperationException("ServiceRegistration." + method.getName());
                    }
                    if (r.unregistered) {
                        throw new IllegalStateException("already unregistered");
                    }
                    ServiceEvent event = new ServiceEvent(ServiceEvent.UNREGISTERING, reference);
                    List<ServiceListener> all;
                    synchronized (listeners) {
                        all = List.copyOf(listeners);
                    }
                    all.forEach(l -> l.serviceChanged(event));
                    r.unregistered = true;
                    return null;
                });
    }
}
