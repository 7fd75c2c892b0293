package io.nativebundle.benchmarks.osgi;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.Folders;
import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.testsupport.Await;

/**
 * A Felix framework in this JVM with the runtime's core bundles started: the core bundles and
 * framework properties of the runtime definition (as the launcher and the itests have them), plus
 * Gogo's standard commands. Storage and the loader's native cache live in a fresh folder that
 * {@link #close()} deletes.
 *
 * <pre>{@code
 * try (EmbeddedFramework felix = EmbeddedFramework.start()) {
 *     Bundle math = felix.installAndStart("math");
 *     ServiceReference<?> ref = felix.awaitReference(felix.context(), "io.nativebundle.examples.math.MathLib",
 *             "(nativebundle.library=math)", 20_000);
 * }
 * }</pre>
 */
public final class EmbeddedFramework implements AutoCloseable {

    private final Framework framework;
    private final Path work;
    private final Path nativeCache;
    private final Path storage;

    private EmbeddedFramework(Framework framework, Path work, Path storage, Path nativeCache) {
        this.framework = framework;
        this.work = work;
        this.storage = storage;
        this.nativeCache = nativeCache;
    }

    /** Starts a framework with the core bundles, each started in order. */
    public static EmbeddedFramework start() throws BundleException {
        return start(Map.of());
    }

    /**
     * As {@link #start()}, with more framework properties and more of the runtime definition's
     * roles (e.g. {@code Role.REMOTE}, installed and started after the others).
     */
    public static EmbeddedFramework start(Map<String, String> properties, Role... moreRoles) throws BundleException {
        Path work = BenchPaths.newWorkDir("felix");
        Path storage = work.resolve("storage");
        Path nativeCache = work.resolve("native");
        Map<String, String> p = new HashMap<>(RuntimeDefinition.frameworkProperties());
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("io.nativebundle.libc", "glibc");
        p.put("io.nativebundle.cache.dir", nativeCache.toString());
        p.putAll(properties);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"));
        Framework framework = factory.newFramework(p);
        framework.start();
        EmbeddedFramework felix = new EmbeddedFramework(framework, work, storage, nativeCache);
        try {
            List<Bundle> core = new ArrayList<>();
            List<Role> roles = new ArrayList<>(List.of(Role.CORE, Role.SERVICES, Role.GOGO_COMMANDS));
            roles.addAll(List.of(moreRoles));
            for (CoreBundle bundle : RuntimeDefinition.coreBundles(roles.toArray(new Role[0]))) {
                Path file = BenchPaths.runtimeBundles().resolve(bundle.fileName());
                core.add(felix.context().installBundle(file.toUri().toString()));
            }
            for (Bundle bundle : core) {
                // a fragment (the FFM backend) attaches to its host and cannot start
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
        } catch (BundleException | RuntimeException e) {
            felix.close();
            throw e;
        }
        return felix;
    }

    /** The system bundle's context. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs a bundle copied by Maven, e.g. {@code install("math")}. */
    public Bundle install(String name) throws BundleException {
        return context().installBundle(BenchPaths.bundle(name).toUri().toString());
    }

    /** Installs and starts a bundle copied by Maven. */
    public Bundle installAndStart(String name) throws BundleException {
        Bundle bundle = install(name);
        bundle.start();
        return bundle;
    }

    /** Installs a bundle from bytes under a made-up location. */
    public Bundle install(String location, InputStream content) throws BundleException {
        return context().installBundle(location, content);
    }

    /** The first installed bundle with this symbolic name. */
    public Bundle bundle(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName + " is installed");
    }

    /**
     * Waits until a service of the class with the filter is registered, as seen from the
     * given bundle's class space, and returns its reference; {@code null} after the timeout.
     */
    public ServiceReference<?> awaitReference(BundleContext from, String className, String filter, long timeoutMillis) {
        try {
            return Await.value(className + " " + filter, Duration.ofMillis(timeoutMillis), () -> {
                ServiceReference<?>[] refs = from.getServiceReferences(className, filter);
                return refs != null && refs.length > 0 ? refs[0] : null;
            });
        } catch (AssertionError timeout) {
            return null;
        }
    }

    /** The loader's native cache folder ({@code io.nativebundle.cache.dir}). */
    public Path nativeCache() {
        return nativeCache;
    }

    /** The framework storage folder. */
    public Path storage() {
        return storage;
    }

    /** Stops the framework and deletes its folders. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            System.err.println("[bench] stopping the framework failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Folders.delete(work);
    }
}
