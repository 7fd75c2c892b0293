package io.nativebundle.loader.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The extender: loads the library of every ACTIVE bundle that carries
 * {@code NativeBundle-Library}, and unloads it when the bundle leaves ACTIVE. Refusals are
 * logged and remembered, never thrown into the framework, so one bad bundle cannot disturb
 * the loader or any other bundle.
 */
final class NativeBundleTracker implements BundleTrackerCustomizer<NativeBundleTracker.Entry> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** What the tracker knows about one native bundle: its loaded library or why it was refused. */
    record Entry(TrackedLibrary loaded, LoadRefusal refusal) {
    }

    private final NativeBundleLoader loader;
    private final NativeCache cache;
    private final Map<Long, LoadRefusal> refusals = new ConcurrentHashMap<>();
    private final Map<Long, TrackedLibrary> loaded = new ConcurrentHashMap<>();

    NativeBundleTracker(NativeBundleLoader loader, NativeCache cache) {
        this.loader = loader;
        this.cache = cache;
    }

    @Override
    public Entry addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY) == null) {
            return null;
        }
        try {
            TrackedLibrary library = loader.load(bundle);
            refusals.remove(bundle.getBundleId());
            loaded.put(bundle.getBundleId(), library);
            return new Entry(library, null);
        } catch (LoadRefusal refusal) {
            refusals.put(bundle.getBundleId(), refusal);
            LOG.log(Level.WARNING, "nativebundle: refused " + describe(bundle) + ": " + refusal);
            return new Entry(null, refusal);
        } catch (RuntimeException | LinkageError e) {
            // never let an unexpected failure escape into the framework's event delivery
            LoadRefusal refusal = new LoadRefusal(io.nativebundle.api.RefusalReason.LOAD_FAILED, e.toString(), e);
            refusals.put(bundle.getBundleId(), refusal);
            LOG.log(Level.ERROR, "nativebundle: failed to load " + describe(bundle), e);
            return new Entry(null, refusal);
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Entry entry) {
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Entry entry) {
        refusals.remove(bundle.getBundleId());
        loaded.remove(bundle.getBundleId());
        if (entry != null && entry.loaded() != null) {
            entry.loaded().unpublish();
            cache.delete(entry.loaded().cacheFolder());
        }
    }

    /** The library of a bundle whose library is loaded. */
    java.util.Optional<TrackedLibrary> loadedOf(long bundleId) {
        return java.util.Optional.ofNullable(loaded.get(bundleId));
    }

    /** The refusal of a bundle that is ACTIVE but whose library was not loaded. */
    LoadRefusal refusalOf(long bundleId) {
        return refusals.get(bundleId);
    }

    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
