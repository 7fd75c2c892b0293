package io.nativebundle.itests;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.testsupport.Await;

/** Waits for services with a bound, so a missing service fails a test instead of hanging it. */
public final class Services {

    public static final long TIMEOUT_MS = 10_000;

    private Services() {
    }

    /** Waits until a service of {@code type} matching {@code filter} (may be null) is registered. */
    public static <T> ServiceReference<T> await(BundleContext context, Class<T> type, String filter)
            throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open();
        try {
            if (tracker.waitForService(TIMEOUT_MS) == null) {
                throw new AssertionError("no " + type.getName() + " service " + (filter == null ? "" : filter)
                        + " within " + TIMEOUT_MS + " ms");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits for a service by class name, e.g. {@code "io.nativebundle.examples.math.MathLib"}, for
     * tests that must not wire to the service's package (a test bundle wired to a native bundle's
     * package would be refreshed together with it).
     */
    public static ServiceReference<?> awaitNamed(BundleContext context, String className, String filter, long timeoutMs)
            throws InterruptedException {
        Filter f;
        try {
            f = FrameworkUtil.createFilter("(&(objectClass=" + className + ")" + (filter == null ? "" : filter) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, f, null);
        tracker.open();
        try {
            if (tracker.waitForService(timeoutMs) == null) {
                throw new AssertionError("no " + className + " service " + (filter == null ? "" : filter)
                        + " within " + timeoutMs + " ms");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /** Waits until no service of {@code type} matching {@code filter} is registered. */
    public static void awaitAbsent(BundleContext context, Class<?> type, String filter) {
        Await.until(type.getName() + " " + filter + " unregistered", Duration.ofMillis(TIMEOUT_MS),
                () -> context.getServiceReferences(type == Object.class ? null : type.getName(), filter) == null);
    }

    private static Filter filter(Class<?> type, String filter) {
        // Object stands for "any service": Gogo command objects are registered under their own class
        String objectClass = type == Object.class ? "(objectClass=*)" : "(objectClass=" + type.getName() + ")";
        try {
            return FrameworkUtil.createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
