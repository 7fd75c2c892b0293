package io.nativebundle.loader.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.load.LoadPipeline;
import io.nativebundle.loader.internal.load.TrackedLibrary;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.manifest.LibraryDeclaration;
import io.nativebundle.loader.internal.manifest.MalformedHeaderException;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.unload.Unloader;

/**
 * The extender: loads the library of every ACTIVE bundle that carries
 * {@code NativeBundle-Library}, and unloads it when the bundle leaves ACTIVE. Refusals are
 * logged and remembered, never thrown into the framework, so one bad bundle cannot disturb
 * the loader or any other bundle.
 *
 * <p>Unloading runs in the thread that stops the bundle: unregister the services, then let the
 * {@link Unloader} cut the guards and wait, at most its timeout, for calls in flight; what is
 * still referenced then is closed later by the reaper, so a stop never blocks for longer.
 */
public final class NativeBundleTracker implements BundleTrackerCustomizer<NativeBundleTracker.Entry> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** What the tracker knows about one native bundle: its loaded library or why it was refused. */
    record Entry(TrackedLibrary loaded, LoadRefusal refusal) {
    }

    private final LoadPipeline loader;
    private final Unloader unloader;
    private final LifecycleEvents events;
    private final Map<Long, LoadRefusal> refusals = new ConcurrentHashMap<>();
    private final Map<Long, TrackedLibrary> loaded = new ConcurrentHashMap<>();

    NativeBundleTracker(LoadPipeline loader, Unloader unloader, LifecycleEvents events) {
        this.loader = loader;
        this.unloader = unloader;
        this.events = events;
    }

    @Override
    public Entry addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        if (header == null) {
            return null;
        }
        try {
            TrackedLibrary library = loader.load(bundle);
            refusals.remove(bundle.getBundleId());
            loaded.put(bundle.getBundleId(), library);
            LibraryGeneration g = library.generation();
            events.loaded(g, "loaded " + library.library().file() + " for " + BundleManifest.describe(bundle));
            return new Entry(library, null);
        } catch (LoadRefusal refusal) {
            refusals.put(bundle.getBundleId(), refusal);
            LOG.log(Level.WARNING, "nativebundle: refused " + BundleManifest.describe(bundle) + ": " + refusal);
            refused(bundle, header, refusal);
            return new Entry(null, refusal);
        } catch (RuntimeException | LinkageError e) {
            // never let an unexpected failure escape into the framework's event delivery
            LoadRefusal refusal = new LoadRefusal(RefusalReason.LOAD_FAILED, e.toString(), e);
            refusals.put(bundle.getBundleId(), refusal);
            LOG.log(Level.ERROR, "nativebundle: failed to load " + BundleManifest.describe(bundle), e);
            refused(bundle, header, refusal);
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
            // first no new lookups, then cut and wait: see Unloader
            entry.loaded().unpublish();
            unloader.unload(entry.loaded().generation(), reason(bundle, event));
        }
    }

    /** The library of a bundle whose library is loaded. */
    public Optional<TrackedLibrary> loadedOf(long bundleId) {
        return Optional.ofNullable(loaded.get(bundleId));
    }

    /** The refusal of a bundle that is ACTIVE but whose library was not loaded. */
    public LoadRefusal refusalOf(long bundleId) {
        return refusals.get(bundleId);
    }

    private void refused(Bundle bundle, String header, LoadRefusal refusal) {
        String library = header;
        String version = "";
        try {
            LibraryDeclaration declaration = LibraryDeclaration.parse(header);
            library = declaration.name();
            version = declaration.version().toString();
        } catch (MalformedHeaderException e) {
            // the raw header names it well enough
        }
        events.refused(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()), library, version,
                refusal.reason().name(), refusal.getMessage());
    }

    private static String reason(Bundle bundle, BundleEvent event) {
        if (event == null) {
            return "the loader stopped";
        }
        switch (event.getType()) {
            case BundleEvent.STOPPING:
                // stop, update and uninstall of an active bundle all pass through STOPPING
                return "bundle " + BundleManifest.describe(bundle) + " stopping";
            case BundleEvent.UNINSTALLED:
                return "bundle " + BundleManifest.describe(bundle) + " uninstalled";
            default:
                return "bundle " + BundleManifest.describe(bundle) + " left ACTIVE";
        }
    }
}
