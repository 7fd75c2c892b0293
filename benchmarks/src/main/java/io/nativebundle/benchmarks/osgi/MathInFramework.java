package io.nativebundle.benchmarks.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.benchmarks.UnavailableException;
import io.nativebundle.definition.CoreBundle.Role;

/**
 * An embedded framework with the math bundle and the benchmark's consumer bundle, and the ways a
 * consumer reaches the math library: the typed service, {@code NativeFunction} services by
 * name, and the {@code NativeMetrics} switch. Everything the benchmarks call is a
 * {@code java.util.function} object built inside the consumer bundle; reflection is used here,
 * once, to construct those objects, never per call.
 */
public final class MathInFramework implements AutoCloseable {

    static final String MATH_LIB = "io.nativebundle.examples.math.MathLib";
    static final String NATIVE_FUNCTION = "io.nativebundle.api.NativeFunction";
    static final String NATIVE_METRICS = "io.nativebundle.api.NativeMetrics";
    static final String LIBRARY = "math";
    static final String IMPORTED = "(&(nativebundle.library=" + LIBRARY + ")(nativebundle.remote=imported))";

    private static final long SERVICE_TIMEOUT_MS = 20_000;
    /** Once the typed service is there, the other services of the same load should follow at once. */
    private static final long FOLLOW_UP_TIMEOUT_MS = 2_000;

    private final EmbeddedFramework felix;
    private final Bundle consumer;
    private final Object metrics;

    private MathInFramework(EmbeddedFramework felix, Bundle consumer, Object metrics) {
        this.felix = felix;
        this.consumer = consumer;
        this.metrics = metrics;
    }

    /**
     * Boots the framework, installs the math and consumer bundles, switches metrics for
     * {@code math} on or off when the runtime offers {@code NativeMetrics} (before the library
     * is loaded, and again after), and waits for the typed service.
     *
     * @throws UnavailableException when the typed {@code MathLib} service does not appear
     */
    public static MathInFramework start(boolean metricsOn) throws BundleException, UnavailableException {
        return start(metricsOn, false);
    }

    /**
     * As {@link #start(boolean)}; with {@code isolated} the math bundle declares
     * {@code isolation=process} in its {@code NativeBundle-Library}, so its calls run in a host process.
     */
    public static MathInFramework start(boolean metricsOn, boolean isolated) throws BundleException,
            UnavailableException {
        return start(metricsOn, isolated ? Variant.ISOLATED : Variant.PLAIN, EmbeddedFramework.start(), "");
    }

    /**
     * As {@link #start(boolean)} with metrics off, the math bundle declaring {@code add}, {@code noop}
     * and {@code length} leaves ({@code leaf=true}), on the FFM backend when {@code ffm} (Java 22+),
     * where they are critical downcalls, else on jnr, which calls them as any function.
     *
     * @throws UnavailableException when the typed service with those leaves does not appear
     */
    public static MathInFramework startWithLeaves(boolean ffm) throws BundleException, UnavailableException {
        if (!ffm) {
            return start(false, Variant.LEAVES, EmbeddedFramework.start(), "");
        }
        requireFfm();
        return start(false, Variant.LEAVES, EmbeddedFramework.start(Map.of("io.nativebundle.backend", "ffm"), Role.FFM),
                "(nativebundle.backend=ffm)");
    }

    /**
     * As {@link #start(boolean)}, with the FFM backend's fragment attached to the loader and
     * {@code io.nativebundle.backend=ffm}: the typed service calls through FFM (Java 22+).
     *
     * @throws UnavailableException when the math library is not served by the FFM backend
     */
    public static MathInFramework startOnFfm(boolean metricsOn) throws BundleException, UnavailableException {
        requireFfm();
        return start(metricsOn, Variant.PLAIN, EmbeddedFramework.start(Map.of("io.nativebundle.backend", "ffm"), Role.FFM),
                "(nativebundle.backend=ffm)");
    }

    private static void requireFfm() throws UnavailableException {
        if (Runtime.version().feature() < 22) {
            throw new UnavailableException("the FFM backend needs Java 22+, this JVM is Java " + Runtime.version().feature());
        }
    }

    /** Which math bundle the framework gets: the example, or a copy with one declaration changed. */
    private enum Variant {
        PLAIN, ISOLATED, LEAVES
    }

    private static MathInFramework start(boolean metricsOn, Variant variant, EmbeddedFramework felix,
            String backendFilter) throws BundleException, UnavailableException {
        boolean isolated = variant == Variant.ISOLATED;
        String leaves = variant == Variant.LEAVES ? "(nativebundle.leaf.methods=add)" : "";
        try {
            Bundle math = switch (variant) {
                case ISOLATED -> felix.install("isolated:math", IsolatedMath.jar());
                case LEAVES -> felix.install("leaves:math", LeafMath.jar());
                case PLAIN -> felix.install("math");
            };
            Bundle consumer = ConsumerBundle.install(felix);
            ServiceReference<?> metricsRef = felix.awaitReference(consumer.getBundleContext(), NATIVE_METRICS, null,
                    FOLLOW_UP_TIMEOUT_MS);
            Object metrics = metricsRef == null ? null : consumer.getBundleContext().getService(metricsRef);
            MathInFramework running = new MathInFramework(felix, consumer, metrics);
            running.switchMetrics(metricsOn);
            math.start();
            running.reference(MATH_LIB, "(&(nativebundle.library=" + LIBRARY + ")(nativebundle.isolation="
                    + (isolated ? "process" : "in-process") + ")" + backendFilter + leaves + ")", SERVICE_TIMEOUT_MS);
            running.switchMetrics(metricsOn);
            return running;
        } catch (BundleException | UnavailableException | RuntimeException e) {
            felix.close();
            throw e;
        }
    }

    /**
     * A framework with the runtime's remote bundles that imports math from
     * {@code tcp://127.0.0.1:<port>} (framework A, {@link ExportingFramework}), with the math
     * bundle (its own generation, ranked below the import; it exports {@code MathLib}'s package) and
     * the consumer bundle; waits for the imported typed service.
     *
     * @throws UnavailableException when the imported {@code MathLib} service does not appear
     */
    public static MathInFramework importing(int port) throws BundleException, UnavailableException {
        EmbeddedFramework felix = EmbeddedFramework.start(Map.of("io.nativebundle.remote.import", "math;interface="
                + MATH_LIB + ";endpoint=tcp://127.0.0.1:" + port + ";timeout=10s"), Role.REMOTE);
        try {
            Bundle math = felix.install("math");
            Bundle consumer = ConsumerBundle.install(felix);
            MathInFramework running = new MathInFramework(felix, consumer, null);
            // Aries' topology manager imports an endpoint when a bundle listens for its interface with
            // a filter the endpoint matches (a consumer's ServiceTracker or DS reference); polling alone
            // would never bring it, nor a filter on nativebundle.remote=imported, which only the
            // loader's registration carries
            ServiceTracker<Object, Object> interest = new ServiceTracker<>(consumer.getBundleContext(),
                    FrameworkUtil.createFilter("(&(objectClass=" + MATH_LIB + ")(nativebundle.library=" + LIBRARY
                            + "))"), null);
            interest.open(true);
            math.start();
            running.reference(MATH_LIB, IMPORTED, SERVICE_TIMEOUT_MS);
            return running;
        } catch (BundleException | UnavailableException | RuntimeException e) {
            felix.close();
            throw e;
        } catch (InvalidSyntaxException e) {
            felix.close();
            throw new IllegalStateException(e);
        }
    }

    /** The imported typed service called through {@code MathCalls}, as {@link #typedService()}. */
    public Object importedService() throws UnavailableException {
        return construct("MathCalls", new Class<?>[] {Object.class}, service(MATH_LIB, IMPORTED));
    }

    /** The typed service called through {@code MathCalls}: an IntBinaryOperator, Runnable and ToIntFunction. */
    public Object typedService() throws UnavailableException {
        return construct("MathCalls", new Class<?>[] {Object.class}, service(MATH_LIB, "(nativebundle.library=" + LIBRARY + ")"));
    }

    /** The class of the registered typed service object: the bare jnr-ffi binding or a guard. */
    public String typedServiceClass() throws UnavailableException {
        return service(MATH_LIB, "(nativebundle.library=" + LIBRARY + ")").getClass().getName();
    }

    /** The {@code NativeFunction} service of a symbol of the math library. */
    public Object function(String symbol) throws UnavailableException {
        return service(NATIVE_FUNCTION, "(&(nativebundle.library=" + LIBRARY + ")(nativebundle.symbol=" + symbol + "))");
    }

    /** {@code invoke(Object...)} on the add, noop and length functions, through {@code InvokeCalls}. */
    public Object invokeCalls() throws UnavailableException {
        return construct("InvokeCalls", new Class<?>[] {Object.class, Object.class, Object.class},
                function("add"), function("noop"), function("length"));
    }

    /** A typed view of a function: {@code typedView("intBinary", "add")} is {@code asIntBinaryOperator()}. */
    public Object typedView(String view, String symbol) throws UnavailableException {
        Object function = function(symbol);
        try {
            return helper(view, Object.class).invoke(null, function);
        } catch (InvocationTargetException e) {
            throw new UnavailableException("NativeFunction " + symbol + " gives no typed view (" + view + "): "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the runtime registers a {@code NativeMetrics} service. */
    public boolean hasMetrics() {
        return metrics != null;
    }

    /** The calls counted for a symbol of math, or -1 when metrics are not available or report nothing. */
    public long countedCalls(String symbol) {
        if (metrics == null) {
            return -1;
        }
        try {
            return (Long) helper("countedCalls", Object.class, String.class, String.class)
                    .invoke(null, metrics, LIBRARY, symbol);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private void switchMetrics(boolean on) throws UnavailableException {
        if (metrics == null) {
            if (on) {
                throw new UnavailableException("no NativeMetrics service is registered, so metrics cannot be switched on");
            }
            return; // no metrics in this runtime: "off" is what runs
        }
        try {
            helper("setMetrics", Object.class, String.class, boolean.class).invoke(null, metrics, LIBRARY, on);
        } catch (InvocationTargetException e) {
            throw new UnavailableException("NativeMetrics.setEnabled(math, " + on + ") failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object service(String className, String filter) throws UnavailableException {
        BundleContext context = consumer.getBundleContext();
        Object service = context.getService(reference(className, filter, FOLLOW_UP_TIMEOUT_MS));
        if (service == null) {
            throw new UnavailableException("the " + className + " service " + filter + " went away");
        }
        return service;
    }

    private ServiceReference<?> reference(String className, String filter, long timeoutMillis)
            throws UnavailableException {
        ServiceReference<?> ref = felix.awaitReference(consumer.getBundleContext(), className, filter, timeoutMillis);
        if (ref == null) {
            throw new UnavailableException("no " + className + " service " + filter + " was registered within "
                    + timeoutMillis + " ms");
        }
        return ref;
    }

    private Object construct(String simpleName, Class<?>[] parameterTypes, Object... args) {
        try {
            return consumerClass(simpleName).getConstructor(parameterTypes).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + simpleName + " in the consumer bundle", e);
        }
    }

    private Method helper(String name, Class<?>... parameterTypes) throws ReflectiveOperationException {
        return consumerClass("TypedViews").getMethod(name, parameterTypes);
    }

    private Class<?> consumerClass(String simpleName) {
        try {
            return consumer.loadClass(ConsumerBundle.PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the consumer bundle lacks " + simpleName, e);
        }
    }

    @Override
    public void close() {
        felix.close();
    }
}
