package io.nativebundle.testsupport.osgi;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.testsupport.Await;

/**
 * Waits for services with a bound, so a missing service fails a test instead of hanging it.
 *
 * <pre>{@code
 * ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
 *         "(&(nativebundle.library=math)(nativebundle.symbol=add))");
 * Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=math)");
 * }</pre>
 */
public final class Services {

    /** How long {@link #await} and {@link #awaitAbsent} wait. */
    public static final long TIMEOUT_MS = 10_000;

    private Services() {
    }

    /**
     * Waits until a service of {@code type} matching {@code filter} (may be null) is registered.
     * {@code Object.class} stands for any service, e.g. Gogo commands, which are registered under
     * their own class: {@code await(context, Object.class, "(osgi.command.scope=native)")}.
     */
    public static <T> ServiceReference<T> await(BundleContext context, Class<T> type, String filter)
            throws InterruptedException {
        String objectClass = type == Object.class ? "(objectClass=*)" : "(objectClass=" + type.getName() + ")";
        @SuppressWarnings("unchecked")
        ServiceReference<T> found = (ServiceReference<T>) await(context, objectClass, type.getName(), filter, TIMEOUT_MS);
        return found;
    }

    /**
     * Waits for a service by class name, e.g. {@code "io.nativebundle.examples.math.MathLib"}, for
     * tests that must not wire to the service's package (a test bundle wired to a native bundle's
     * package would be refreshed together with it).
     */
    public static ServiceReference<?> awaitNamed(BundleContext context, String className, String filter, long timeoutMs)
            throws InterruptedException {
        return await(context, "(objectClass=" + className + ")", className, filter, timeoutMs);
    }

    /** Waits until no service of {@code type} matching {@code filter} is registered. */
    public static void awaitAbsent(BundleContext context, Class<?> type, String filter) {
        Await.until(type.getName() + " " + filter + " unregistered", Duration.ofMillis(TIMEOUT_MS),
                () -> context.getServiceReferences(type == Object.class ? null : type.getName(), filter) == null);
    }

    private static ServiceReference<?> await(BundleContext context, String objectClass, String name, String filter,
            long timeoutMs) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                filter(filter == null ? objectClass : "(&" + objectClass + filter + ")"), null);
        tracker.open();
        try {
            if (tracker.waitForService(timeoutMs) == null) {
                throw new AssertionError("no " + name + " service " + (filter == null ? "" : filter)
                        + " within " + timeoutMs + " ms");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    private static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a service filter: " + text + " (" + e.getMessage() + ")", e);
        }
    }
}
