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
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.load.LoadPipeline;
import io.nativebundle.loader.internal.load.TrackedLibrary;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.manifest.LibraryDeclaration;
import io.nativebundle.loader.internal.manifest.MalformedHeaderException;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.status.LoadRecords;
import io.nativebundle.loader.internal.unload.Unloader;

/**
 * The extender: loads the library of every ACTIVE bundle that carries
 * {@code NativeBundle-Library}, and unloads it when the bundle leaves ACTIVE. Refusals are
 * logged and remembered, never thrown into the framework, so one bad bundle cannot disturb
 * the loader or any other bundle. A bundle wired to another {@code io.nativebundle} extender is
 * left to that one ({@link ExtenderWiring}).
 *
 * <p>Unloading runs in the thread that stops the bundle: unregister the services, then let the
 * {@link Unloader} cut the guards and wait, at most its timeout, for calls in flight; what is
 * still referenced then is closed later by the reaper, so a stop never blocks for longer.
 */
final class NativeBundleTracker implements BundleTrackerCustomizer<NativeBundleTracker.Entry>, LoadRecords {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /**
     * What the tracker knows about one native bundle: its loaded library, why it was refused, or
     * neither when another extender loads it.
     */
    record Entry(TrackedLibrary loaded, LoadRefusal refusal) {
    }

    private final LoadPipeline loader;
    private final Unloader unloader;
    private final LifecycleEvents events;
    private final ExtenderWiring wiring;
    private final Map<Long, LoadRefusal> refusals = new ConcurrentHashMap<>();
    private final Map<Long, TrackedLibrary> loaded = new ConcurrentHashMap<>();
    private final Map<Long, String> elsewhere = new ConcurrentHashMap<>();

    NativeBundleTracker(LoadPipeline loader, Unloader unloader, LifecycleEvents events, ExtenderWiring wiring) {
        this.loader = loader;
        this.unloader = unloader;
        this.events = events;
        this.wiring = wiring;
    }

    @Override
    public Entry addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        if (header == null) {
            return null;
        }
        Optional<Bundle> other = wiring.otherExtender(bundle);
        if (other.isPresent()) {
            elsewhere.put(bundle.getBundleId(), BundleManifest.describe(other.get()));
            LOG.log(Level.INFO, "nativebundle: " + BundleManifest.describe(bundle) + " is wired to the "
                    + NativeBundleConstants.EXTENDER + " extender of " + BundleManifest.describe(other.get())
                    + "; this loader leaves it alone");
            return new Entry(null, null);
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
        elsewhere.remove(bundle.getBundleId());
        refusals.remove(bundle.getBundleId());
        loaded.remove(bundle.getBundleId());
        if (entry != null && entry.loaded() != null) {
            // first no new lookups, then cut and wait: see Unloader
            entry.loaded().unpublish();
            unloader.unload(entry.loaded().generation(), reason(bundle, event));
        }
    }

    /**
     * Refuses a library that is loaded, e.g. with {@code HOST_CRASHED} when its host crashed too
     * often: its services go away and its generation is unloaded, and it stays refused until the
     * bundle is started again. Nothing happens when the bundle has moved on to another generation.
     */
    void refuseLoaded(long bundleId, long generation, LoadRefusal refusal) {
        TrackedLibrary library = loaded.get(bundleId);
        if (library == null || library.generation().generation() != generation) {
            return;
        }
        // the refusal first, so that the status goes from ACTIVE to REFUSED without a step between
        refusals.put(bundleId, refusal);
        if (!loaded.remove(bundleId, library)) {
            refusals.remove(bundleId, refusal);
            return;
        }
        Bundle bundle = library.bundle();
        LOG.log(Level.WARNING, "nativebundle: refused " + BundleManifest.describe(bundle) + ": " + refusal);
        library.unpublish();
        unloader.unload(library.generation(), "refused: " + refusal.reason());
        refused(bundle, bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY), refusal);
    }

    @Override
    public Optional<NativeLibrary> loaded(long bundleId) {
        return Optional.ofNullable(loaded.get(bundleId)).map(TrackedLibrary::library);
    }

    @Override
    public Optional<LoadRefusal> refusal(long bundleId) {
        return Optional.ofNullable(refusals.get(bundleId));
    }

    @Override
    public Optional<String> otherExtender(long bundleId) {
        return Optional.ofNullable(elsewhere.get(bundleId));
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
