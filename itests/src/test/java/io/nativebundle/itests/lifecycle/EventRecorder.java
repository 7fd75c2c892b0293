package io.nativebundle.itests.lifecycle;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Records the loader's events ({@code io/nativebundle/*}) through a real EventAdmin
 * {@code EventHandler}. The handler is a proxy over the EventAdmin bundle's own interface, so
 * the test classes need no compile-time dependency on the event API.
 */
public final class EventRecorder implements AutoCloseable {

    /** One received event: its topic and properties. */
    public record Recorded(String topic, Map<String, Object> properties) {
        public Object get(String key) {
            return properties.get(key);
        }
    }

    private final List<Recorded> events = new ArrayList<>();
    private final ServiceRegistration<?> registration;

    public EventRecorder(BundleContext context) throws Exception {
        Class<?> handler = eventAdmin(context).loadClass("org.osgi.service.event.EventHandler");
        Object proxy = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, (p, method, args) -> {
            switch (method.getName()) {
                case "handleEvent":
                    record(args[0]);
                    return null;
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                default:
                    return "EventRecorder";
            }
        });
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("event.topics", "io/nativebundle/*");
        registration = context.registerService(handler.getName(), proxy, properties);
    }

    private void record(Object event) throws ReflectiveOperationException {
        String topic = (String) event.getClass().getMethod("getTopic").invoke(event);
        Map<String, Object> properties = new HashMap<>();
        for (String name : (String[]) event.getClass().getMethod("getPropertyNames").invoke(event)) {
            properties.put(name, event.getClass().getMethod("getProperty", String.class).invoke(event, name));
        }
        synchronized (events) {
            events.add(new Recorded(topic, properties));
            events.notifyAll();
        }
    }

    /** Waits for an event on {@code topic} that matches; EventAdmin delivers asynchronously. */
    public Recorded await(String topic, Predicate<Recorded> matches) throws InterruptedException {
        long deadline = System.currentTimeMillis() + MathBundle.TIMEOUT_MS;
        synchronized (events) {
            while (true) {
                for (Recorded e : events) {
                    if (e.topic().equals(topic) && matches.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching " + topic + " event; received " + events);
                }
                events.wait(left);
            }
        }
    }

    public List<Recorded> all() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    private static Bundle eventAdmin(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if ("org.apache.felix.eventadmin".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no EventAdmin bundle");
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
