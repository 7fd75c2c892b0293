package io.nativebundle.loader.internal.tenant;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Just enough of Bundle, BundleContext and ServiceReference for the tenant logic, built as proxies. */
final class Fakes {

    private Fakes() {
    }

    /** A bundle whose answers can be changed between calls, and which counts its header reads. */
    static final class FakeBundle {
        final long id;
        final String location;
        final Hashtable<String, String> headers = new Hashtable<>();
        final Map<String, URL> entries = new HashMap<>();
        long lastModified = 1;
        final AtomicInteger headerReads = new AtomicInteger();
        final Bundle bundle;
        final BundleContext context;

        FakeBundle(long id, String location, String tenantHeader) {
            this.id = id;
            this.location = location;
            headers.put("Bundle-SymbolicName", "test.bundle" + id);
            if (tenantHeader != null) {
                headers.put("NativeBundle-Tenant", tenantHeader);
            }
            this.bundle = (Bundle) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {Bundle.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getBundleId": return this.id;
                            case "getLocation": return this.location;
                            case "getLastModified": return lastModified;
                            case "getSymbolicName": return headers.get("Bundle-SymbolicName");
                            case "getVersion": return org.osgi.framework.Version.emptyVersion;
                            case "getEntry": return entries.get((String) args[0]);
                            case "getHeaders":
                                headerReads.incrementAndGet();
                                return (Dictionary<String, String>) new Hashtable<>(headers);
                            case "getBundleContext": return context();
                            case "hashCode": return Long.hashCode(this.id);
                            case "equals": return proxy == args[0];
                            case "toString": return "bundle " + this.id;
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
            this.context = (BundleContext) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getBundle": return bundle;
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            case "toString": return "context of bundle " + this.id;
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        private BundleContext context() {
            return context;
        }
    }

    /** A service registered by {@code registrant} (null once unregistered) with the given properties. */
    static ServiceReference<?> service(FakeBundle registrant, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (ServiceReference<?>) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBundle": return registrant == null ? null : registrant.bundle;
                        case "getProperty": return properties.get((String) args[0]);
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "service " + properties;
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
