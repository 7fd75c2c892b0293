package io.nativebundle.runtime;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Waits until the framework has been quiet (no bundle or service event) for a moment.
 *
 * <p>A plugin may be active before everything it causes has happened: the loader or SCR may
 * register its services from another thread. Exec mode waits for a short lull after the plugins
 * settle, so that a command run right away finds them.
 */
final class QuietPeriod implements BundleListener, ServiceListener, AutoCloseable {

    private final BundleContext context;
    private volatile long lastEvent = System.nanoTime();

    QuietPeriod(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
        context.addServiceListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        lastEvent = System.nanoTime();
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        lastEvent = System.nanoTime();
    }

    /** Returns once nothing happened for {@code quiet}, or after {@code max} in any case. */
    void await(Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() - deadline < 0) {
            long idle = System.nanoTime() - lastEvent;
            if (idle >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(Math.max(1, (quiet.toNanos() - idle) / 1_000_000));
        }
    }

    @Override
    public void close() {
        try {
            context.removeServiceListener(this);
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the framework is already stopping: the listeners are gone with it
        }
    }
}
