package io.nativebundle.benchmarks.osgi;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.benchmarks.UnavailableException;
import io.nativebundle.definition.CoreBundle.Role;

/**
 * An embedded framework with the abitest bundle and the benchmark's consumer bundle, which calls
 * abitest's {@code point_add} (a struct by value) through {@code PointCalls}: the typed interface and
 * the {@code NativeFunction} service; and the typed interface's unsigned, array, by-reference and
 * {@code @SaveError} methods through {@code TypedShapeCalls}, on a backend asked by name.
 */
public final class AbitestInFramework implements AutoCloseable {

    static final String ABI_TEST = "io.nativebundle.examples.abitest.AbiTest";
    static final String LIBRARY = "abitest";

    private static final long SERVICE_TIMEOUT_MS = 20_000;

    private final EmbeddedFramework felix;
    private final Bundle consumer;
    /** Narrows every service lookup to the backend asked for; empty for the default one. */
    private final String backendFilter;

    private AbitestInFramework(EmbeddedFramework felix, Bundle consumer, String backendFilter) {
        this.felix = felix;
        this.consumer = consumer;
        this.backendFilter = backendFilter;
    }

    /**
     * Boots the framework, installs and starts abitest and the consumer bundle, and waits for the
     * typed service.
     *
     * @throws UnavailableException when the typed {@code AbiTest} service does not appear
     */
    public static AbitestInFramework start() throws BundleException, UnavailableException {
        return start(EmbeddedFramework.start(), "");
    }

    /**
     * As {@link #start()}, with the typed service required to be the jnr backend's: without the FFM
     * fragment the loader has no other, on any JVM.
     *
     * @throws UnavailableException when the typed service is not served by jnr
     */
    public static AbitestInFramework startOnJnr() throws BundleException, UnavailableException {
        return start(EmbeddedFramework.start(), "(nativebundle.backend=jnr)");
    }

    /**
     * As {@link #start()}, with the loader's FFM backend (its fragment installed, chosen by
     * {@code io.nativebundle.backend=ffm}), as {@code LibcInFramework.startOnFfm} does.
     *
     * @throws UnavailableException on Java before 22, or when the services do not appear on FFM
     */
    public static AbitestInFramework startOnFfm() throws BundleException, UnavailableException {
        if (java.lang.Runtime.version().feature() < 22) {
            throw new UnavailableException("the FFM backend needs Java 22+, this JVM is Java "
                    + java.lang.Runtime.version().feature());
        }
        return start(EmbeddedFramework.start(Map.of("io.nativebundle.backend", "ffm"), Role.FFM),
                "(nativebundle.backend=ffm)");
    }

    private static AbitestInFramework start(EmbeddedFramework felix, String backendFilter)
            throws BundleException, UnavailableException {
        try {
            felix.installAndStart("abitest");
            AbitestInFramework running = new AbitestInFramework(felix, ConsumerBundle.install(felix), backendFilter);
            running.service(ABI_TEST, running.filter(""), SERVICE_TIMEOUT_MS);
            return running;
        } catch (BundleException | UnavailableException | RuntimeException e) {
            felix.close();
            throw e;
        }
    }

    /** {@code PointCalls} of the consumer bundle over the typed service and the {@code point_add} function. */
    public Object pointCalls() throws UnavailableException {
        Object typed = service(ABI_TEST, filter(""), 2_000);
        Object function = service(MathInFramework.NATIVE_FUNCTION, filter("(nativebundle.symbol=point_add)"), 2_000);
        try {
            return consumer.loadClass(ConsumerBundle.PACKAGE + ".PointCalls").getConstructor(Object.class, Object.class)
                    .newInstance(typed, function);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct PointCalls in the consumer bundle", e);
        }
    }

    /** The filter of abitest's services on this framework's backend, with {@code more}. */
    private String filter(String more) {
        return "(&(nativebundle.library=" + LIBRARY + ")" + more + backendFilter + ")";
    }

    /**
     * {@code TypedShapeCalls} of the consumer bundle over the typed service of the backend this
     * framework was started with.
     */
    public Object typedShapeCalls() throws UnavailableException {
        Object typed = service(ABI_TEST, filter(""), 2_000);
        try {
            return consumer.loadClass(ConsumerBundle.PACKAGE + ".TypedShapeCalls").getConstructor(Object.class)
                    .newInstance(typed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct TypedShapeCalls in the consumer bundle", e);
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
