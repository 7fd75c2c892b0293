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
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Just enough of a framework, as proxies, for the load pipeline and the extender outside OSGi:
 * bundles with headers, entries, a state and a revision that a test changes as a refresh would,
 * bundle events delivered to bundle listeners (a real {@code BundleTracker}), a context that
 * records registrations and tells service listeners of unregistrations (the tenant quotas listen
 * to them), and framework properties.
 */
public final class FakeFramework {

    /** One registered service. */
    public static final class Registered {
        public final Bundle registrant;
        public final String type;
        public final Object service;
        public final Dictionary<String, ?> properties;
        public volatile boolean unregistered;

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
        public Object serviceFor(Bundle consumer) {
            return service instanceof ServiceFactory factory ? factory.getService(consumer, null) : service;
        }
    }

    /**
     * A bundle a test controls: its state, and its revision, which a refresh replaces. Like
     * Felix, it has a context only while STARTING, ACTIVE or STOPPING.
     */
    public final class FakeBundle {
        public final Bundle bundle;
        public volatile int state = Bundle.ACTIVE;
        private volatile BundleRevision revision;
        /** Runs before each {@code loadClass}, on the loading thread: a test blocks or fails a load there. */
        public volatile Consumer<Bundle> onLoadClass = b -> { };

        FakeBundle(Bundle bundle) {
            this.bundle = bundle;
            this.revision = newRevisionOf(bundle);
        }

        public BundleRevision revision() {
            return revision;
        }

        /** What a refresh does to the bundle's revision: a new one takes the old one's place. */
        public void newRevision() {
            revision = newRevisionOf(bundle);
        }
    }

    public final Map<String, String> properties = new HashMap<>();
    public final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    private final List<ServiceListener> listeners = Collections.synchronizedList(new ArrayList<>());
    private final List<BundleListener> bundleListeners = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, FakeBundle> bundles = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger ids = new AtomicInteger(100);
    /** Registrations of this type fail, to test the undo of a load refused while publishing. */
    public volatile String failRegistrationOf;
    /** Runs on each registration, before the service can be found, on the registering thread. */
    public volatile Consumer<Registered> onRegister = r -> { };
    public final Bundle loader = bundle("io.nativebundle.loader", "test:loader", new Hashtable<>(), Map.of());

    /** An ACTIVE bundle installed from {@code location}, with {@code headers} and jar entries at {@code entries}. */
    public Bundle bundle(String symbolicName, String location, Hashtable<String, String> headers,
                         Map<String, URL> entries) {
        return install(symbolicName, location, headers, entries).bundle;
    }

    /** {@link #bundle}, with the handle that changes its state and revision. */
    public FakeBundle install(String symbolicName, String location, Hashtable<String, String> headers,
                              Map<String, URL> entries) {
        long id = ids.incrementAndGet();
        headers.put("Bundle-SymbolicName", symbolicName);
        FakeBundle[] self = new FakeBundle[1];
        BundleContext context = context(() -> self[0].bundle);
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.emptyVersion;
                    case "getLocation" -> location;
                    case "getLastModified" -> 1L;
                    case "getState" -> self[0].state;
                    case "getHeaders" -> new Hashtable<>(headers);
                    case "getEntry" -> entries.get((String) args[0]);
                    case "loadClass" -> {
                        self[0].onLoadClass.accept(self[0].bundle);
                        yield Class.forName((String) args[0], false, FakeFramework.class.getClassLoader());
                    }
                    case "getBundleContext" -> (self[0].state & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0
                            ? context : null;
                    case "adapt" -> args[0] == BundleRevision.class ? self[0].revision : null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " [" + id + "]";
                    default -> throw new UnsupportedOperationException("Bundle." + method.getName());
                });
        self[0] = new FakeBundle(bundle);
        bundles.put(id, self[0]);
        return self[0];
    }

    /** Sets the bundle's state and delivers the event to the bundle listeners, on this thread, as Felix does. */
    public void fire(FakeBundle bundle, int state, int type) {
        bundle.state = state;
        BundleEvent event = new BundleEvent(type, bundle.bundle);
        List<BundleListener> all;
        synchronized (bundleListeners) {
            all = List.copyOf(bundleListeners);
        }
        all.forEach(l -> l.bundleChanged(event));
    }

    /** The loader's context. */
    public BundleContext loaderContext() {
        return loader.getBundleContext();
    }

    /** The services of {@code type} that are still registered. */
    public List<Registered> live(String type) {
        synchronized (registered) {
            return registered.stream().filter(r -> r.type.equals(type) && !r.unregistered).toList();
        }
    }

    private interface Self {
        Bundle get();
    }

    private Bundle installed(long id) {
        FakeBundle b = bundles.get(id);
        return b == null ? null : b.bundle;
    }

    private Bundle[] installed() {
        synchronized (bundles) {
            return bundles.values().stream().map(b -> b.bundle).toArray(Bundle[]::new);
        }
    }

    private BundleRevision newRevisionOf(Bundle bundle) {
        return (BundleRevision) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleRevision.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getDeclaredRequirements", "getDeclaredCapabilities" -> List.of();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "revision of " + bundle;
                    default -> throw new UnsupportedOperationException("BundleRevision." + method.getName());
                });
    }

    private BundleContext context(Self bundle) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> args == null ? bundle.get() : installed((Long) args[0]);
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundles" -> installed();
                    case "addBundleListener" -> bundleListeners.add((BundleListener) args[0]);
                    case "removeBundleListener" -> bundleListeners.remove(args[0]);
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
        onRegister.accept(r);
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
