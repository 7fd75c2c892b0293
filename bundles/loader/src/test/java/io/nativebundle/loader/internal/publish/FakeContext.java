package io.nativebundle.loader.internal.publish;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A BundleContext that only records service registrations, for the publisher outside OSGi. */
final class FakeContext {

    /** One registered service. */
    static final class Registered {
        final String type;
        final Object service;
        final Dictionary<String, ?> properties;
        boolean unregistered;

        Registered(String type, Object service, Dictionary<String, ?> properties) {
            this.type = type;
            this.service = service;
            this.properties = properties;
        }
    }

    final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    /** Registration number n (from 0) throws, to test the clean-up; -1 for never. */
    int failAt = -1;

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (registered.size() == failAt) {
                        throw new IllegalStateException("registration " + failAt + " fails");
                    }
                    String type = args[0] instanceof Class ? ((Class<?>) args[0]).getName() : String.valueOf(args[0]);
                    @SuppressWarnings("unchecked")
                    Registered r = new Registered(type, args[1], (Dictionary<String, ?>) args[2]);
                    registered.add(r);
                    return registration(r);
                });
    }

    private static ServiceRegistration<?> registration(Registered r) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(FakeContext.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        if (r.unregistered) {
                            throw new IllegalStateException("already unregistered");
                        }
                        r.unregistered = true;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
