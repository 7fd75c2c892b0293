package io.nativebundle.benchmarks.osgi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.Folders;

/**
 * A Felix framework in this JVM with the runtime's core bundles started: the bundles and
 * framework properties of the itests ({@code NativeBundleOptions}), plus the launcher's
 * {@code binary} bundle. Storage and the loader's native cache live in a fresh folder that
 * {@link #close()} deletes.
 *
 * <pre>{@code
 * try (EmbeddedFramework felix = EmbeddedFramework.start()) {
 *     Bundle math = felix.installAndStart("math");
 *     Object service = felix.awaitService("io.nativebundle.examples.math.MathLib", "(nativebundle.library=math)", 20_000);
 * }
 * }</pre>
 */
public final class EmbeddedFramework implements AutoCloseable {

    /** The core bundles, in start order: the itests' list plus {@code binary} and gogo.command. */
    static final String[] CORE = {
        "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
        "org.apache.felix.configadmin", "org.apache.felix.eventadmin", "org.apache.felix.scr",
        "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
        "asm", "asm-commons", "asm-analysis", "asm-tree", "asm-util", "jnr", "jnr-ffi",
        "binary", "api", "loader",
    };

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
        Path work = BenchPaths.newWorkDir("felix");
        Path storage = work.resolve("storage");
        Path nativeCache = work.resolve("native");
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("felix.native.processor.alias.aarch64", "aarch64,arm64");
        p.put("io.nativebundle.libc", "glibc");
        p.put("io.nativebundle.cache.dir", nativeCache.toString());
        p.put("felix.log.level", "1");
        p.put("ds.loglevel", "error");
        p.put("org.apache.felix.eventadmin.LogLevel", "1");
        p.put("felix.cm.loglevel", "1");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"));
        Framework framework = factory.newFramework(p);
        framework.start();
        EmbeddedFramework felix = new EmbeddedFramework(framework, work, storage, nativeCache);
        try {
            List<Bundle> core = new ArrayList<>();
            for (String name : CORE) {
                core.add(felix.install(name));
            }
            for (Bundle bundle : core) {
                bundle.start();
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
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        do {
            try {
                ServiceReference<?>[] refs = from.getServiceReferences(className, filter);
                if (refs != null && refs.length > 0) {
                    return refs[0];
                }
                Thread.sleep(5);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("bad filter " + filter, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        } while (System.nanoTime() < deadline);
        return null;
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
