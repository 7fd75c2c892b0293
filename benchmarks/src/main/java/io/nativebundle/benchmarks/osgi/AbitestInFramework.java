package io.nativebundle.benchmarks.osgi;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.benchmarks.UnavailableException;

/**
 * An embedded framework with the abitest bundle and the benchmark's consumer bundle, which calls
 * abitest's {@code point_add} (a struct by value) through {@code PointCalls}: the typed interface and
 * the {@code NativeFunction} service.
 */
public final class AbitestInFramework implements AutoCloseable {

    static final String ABI_TEST = "io.nativebundle.examples.abitest.AbiTest";
    static final String LIBRARY = "abitest";

    private static final long SERVICE_TIMEOUT_MS = 20_000;

    private final EmbeddedFramework felix;
    private final Bundle consumer;

    private AbitestInFramework(EmbeddedFramework felix, Bundle consumer) {
        this.felix = felix;
        this.consumer = consumer;
    }

    /**
     * Boots the framework, installs and starts abitest and the consumer bundle, and waits for the
     * typed service.
     *
     * @throws UnavailableException when the typed {@code AbiTest} service does not appear
     */
    public static AbitestInFramework start() throws BundleException, UnavailableException {
        EmbeddedFramework felix = EmbeddedFramework.start();
        try {
            felix.installAndStart("abitest");
            AbitestInFramework running = new AbitestInFramework(felix, ConsumerBundle.install(felix));
            running.service(ABI_TEST, "(nativebundle.library=" + LIBRARY + ")", SERVICE_TIMEOUT_MS);
            return running;
        } catch (BundleException | UnavailableException | RuntimeException e) {
            felix.close();
            throw e;
        }
    }

    /** {@code PointCalls} of the consumer bundle over the typed service and the {@code point_add} function. */
    public Object pointCalls() throws UnavailableException {
        Object typed = service(ABI_TEST, "(nativebundle.library=" + LIBRARY + ")", 2_000);
        Object function = service(MathInFramework.NATIVE_FUNCTION, "(&(nativebundle.library=" + LIBRARY
                + ")(nativebundle.symbol=point_add))", 2_000);
        try {
            return consumer.loadClass(ConsumerBundle.PACKAGE + ".PointCalls").getConstructor(Object.class, Object.class)
                    .newInstance(typed, function);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct PointCalls in the consumer bundle", e);
        }
    }

    private Object service(String type, String filter, long timeoutMillis) throws UnavailableException {
        ServiceReference<?> ref = felix.awaitReference(consumer.getBundleContext(), type, filter, timeoutMillis);
        Object service = ref == null ? null : consumer.getBundleContext().getService(ref);
        if (service == null) {
            throw new UnavailableException("no " + type + " service " + filter + " within " + timeoutMillis + " ms");
        }
        return service;
    }

    @Override
    public void close() {
        felix.close();
    }
}
