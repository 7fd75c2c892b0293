package io.nativebundle.benchmarks.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.AllServiceListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;

/**
 * Records when the typed service of each library is registered ({@link System#nanoTime()}), from
 * the registry's own event. An {@link AllServiceListener}, because the system bundle does not
 * share the class space of the variants' interface.
 */
final class ServiceWatch implements AllServiceListener, AutoCloseable {

    private final BundleContext context;
    private final Map<String, Long> registered = new ConcurrentHashMap<>();

    ServiceWatch(BundleContext context, String interfaceName) throws InvalidSyntaxException {
        this.context = context;
        context.addServiceListener(this, "(objectClass=" + interfaceName + ")");
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            long now = System.nanoTime();
            Object library = event.getServiceReference().getProperty("nativebundle.library");
            if (library != null) {
                registered.putIfAbsent(library.toString(), now);
            }
        }
    }

    /** Waits for the library's service; returns its registration time, or -1 after the timeout. */
    long await(String library, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Long at;
        while ((at = registered.get(library)) == null) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.onSpinWait();
        }
        return at;
    }

    /** How many libraries got their service so far. */
    int count() {
        return registered.size();
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
