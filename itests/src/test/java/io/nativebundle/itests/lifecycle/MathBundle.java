package io.nativebundle.itests.lifecycle;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The math example as the lifecycle tests handle it: by name only. A test bundle that loaded
 * {@code MathLib} would be wired to the math bundle's package, and so be refreshed (restarted)
 * together with it on every update; these tests call {@code add} through a method handle.
 */
final class MathBundle {

    static final String SYMBOLIC_NAME = "io.nativebundle.examples.math";
    static final String MATH_LIB = "io.nativebundle.examples.math.MathLib";
    static final long TIMEOUT_MS = 20_000;

    private static final MethodType ADD = MethodType.methodType(int.class, int.class, int.class);
    private static final MethodType ADD_ERASED = MethodType.methodType(int.class, Object.class, int.class, int.class);

    private Class<?> lastType;
    private MethodHandle lastAdd;

    /**
     * Narrows the test probe's {@code DynamicImport-Package: *}: Felix decides whether a service
     * is visible to a bundle by loading its class through that bundle, so with {@code *} the
     * first MathLib lookup would wire the probe to the math bundle, and every refresh of the math
     * bundle would then restart the probe in the middle of the test.
     */
    static TestProbeBuilder probe(TestProbeBuilder probe) {
        // io.nativebundle.binary.host: Platform asks the runtime's host detector for the processor name
        return probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "org.*, javax.*, junit.*, io.nativebundle.api,"
                + " io.nativebundle.binary.host, io.nativebundle.testsupport, io.nativebundle.testsupport.osgi,"
                + " io.nativebundle.definition");
    }

    /** The installed math bundle, or null. */
    static Bundle find(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if (SYMBOLIC_NAME.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        return null;
    }

    /** The example jar with one header changed, so every cycle installs different bytes. */
    static byte[] variant(int n) throws IOException {
        return BundleRewriter.of(NativeBundleOptions.jar("math")).header("X-Lifecycle-Variant", Integer.toString(n))
                .toBytes();
    }

    /** The example jar with its library cut short (digests fixed): it resolves, and its load is refused. */
    static byte[] broken() throws IOException {
        BundleRewriter rewriter = BundleRewriter.of(NativeBundleOptions.jar("math"));
        byte[] library = rewriter.entry(Platform.entry("math"));
        return rewriter.entry(Platform.entry("math"), Arrays.copyOf(library, 200)).fixDigests().toBytes();
    }

    /**
     * Puts {@code bytes} into {@code plugins} under {@code name} by an atomic rename, so
     * FileInstall never reads a half-written jar, with a new modification time, which is what
     * FileInstall compares.
     */
    static Path drop(Path plugins, String name, byte[] bytes) throws IOException {
        Path part = Files.createTempFile(NativeBundleOptions.WORK.toPath(), name, ".part");
        Files.write(part, bytes);
        Path target = plugins.resolve(name);
        long lastModified = Files.exists(target) ? Files.getLastModifiedTime(target).toMillis() : 0L;
        Files.setLastModifiedTime(part, FileTime.fromMillis(Math.max(System.currentTimeMillis(), lastModified + 1_000)));
        return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Refreshes like Gogo's {@code refresh}, and waits until the framework finished it. */
    static void refresh(BundleContext context, Bundle... bundles) throws Exception {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        awaitRefreshed("refresh of " + Arrays.toString(bundles),
                listener -> wiring.refreshBundles(Arrays.asList(bundles), listener));
    }

    /**
     * Does {@code change} and waits until the framework finished the next refresh: e.g. FileInstall's,
     * which follows the uninstall of a deleted jar and holds the framework's global lock, so that a
     * bundle started meanwhile fails to resolve ("Unable to acquire global lock for resolve").
     * Felix reports a refresh once it released that lock.
     */
    static void awaitRefreshAfter(BundleContext context, String what, Change change) throws Exception {
        FrameworkListener[] added = new FrameworkListener[1];
        try {
            awaitRefreshed(what, listener -> {
                added[0] = listener;
                context.addFrameworkListener(listener);
                change.run();
            });
        } finally {
            if (added[0] != null) {
                context.removeFrameworkListener(added[0]);
            }
        }
    }

    /** Something a test does to the framework or the plugins folder. */
    @FunctionalInterface
    interface Change {
        void run() throws Exception;
    }

    /** Something that starts a refresh and reports its end to {@code listener}. */
    @FunctionalInterface
    private interface RefreshStart {
        void start(FrameworkListener listener) throws Exception;
    }

    private static void awaitRefreshed(String what, RefreshStart start) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        start.start(event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new AssertionError(what + ": no refresh finished within " + TIMEOUT_MS + " ms");
        }
    }

    /** Waits for a MathLib service of a later generation than {@code after}. */
    static ServiceReference<?> awaitGeneration(BundleContext context, long after) throws InterruptedException {
        return Services.awaitNamed(context, MATH_LIB, "(!(" + NativeBundleConstants.GENERATION + "<=" + after + "))",
                TIMEOUT_MS);
    }

    static long generation(ServiceReference<?> ref) {
        return (Long) ref.getProperty(NativeBundleConstants.GENERATION);
    }

    /** {@code service.add(a, b)} for a MathLib service of any bundle revision. */
    int add(Object service, int a, int b) throws Throwable {
        Class<?> type = service.getClass();
        if (type != lastType) {
            lastAdd = MethodHandles.publicLookup().findVirtual(mathLibOf(type), "add", ADD).asType(ADD_ERASED);
            lastType = type;
        }
        return (int) lastAdd.invokeExact(service, a, b);
    }

    private static Class<?> mathLibOf(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().equals(MATH_LIB)) {
                return i;
            }
        }
        throw new AssertionError(type + " does not implement " + MATH_LIB);
    }
}
