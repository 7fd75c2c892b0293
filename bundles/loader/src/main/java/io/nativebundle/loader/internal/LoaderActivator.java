package io.nativebundle.loader.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibraryRegistry;

/** Starts the extender: a {@link BundleTracker} over ACTIVE bundles with {@code NativeBundle-Library}. */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class LoaderActivator implements BundleActivator {

    private BundleTracker<NativeBundleTracker.Entry> tracker;

    @Override
    public void start(BundleContext context) {
        NativeCache cache = new NativeCache(cacheRoot(context));
        NativeBundleLoader loader = new NativeBundleLoader(new NativeCodeSelector(nativeCapability(context)),
                cache, new ServicePublisher(context));
        NativeBundleTracker customizer = new NativeBundleTracker(loader, cache);
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, customizer);
        tracker.open();
        context.registerService(NativeLibraryRegistry.class, new RegistryService(context, customizer), null);
    }

    @Override
    public void stop(BundleContext context) {
        tracker.close();
    }

    /**
     * The cache folder from {@code io.nativebundle.cache.dir}; otherwise the loader's own data
     * area in the framework storage, never {@code /tmp}, which is often mounted {@code noexec}.
     */
    private static Path cacheRoot(BundleContext context) {
        String configured = context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return context.getDataFile("native").toPath();
    }

    private static Map<String, Object> nativeCapability(BundleContext context) {
        List<BundleCapability> capabilities = context.getBundle(Constants.SYSTEM_BUNDLE_ID)
                .adapt(BundleRevision.class).getDeclaredCapabilities("osgi.native");
        return capabilities.isEmpty() ? Map.of() : capabilities.get(0).getAttributes();
    }
}
