package io.nativebundle.loader.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.load.BundleSlot;
import io.nativebundle.loader.internal.load.LoadPipeline;
import io.nativebundle.loader.internal.load.TrackedLibrary;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.status.LoadRecords;
import io.nativebundle.loader.internal.unload.UnloadReason;
import io.nativebundle.loader.internal.unload.Unloader;

/**
 * The extender: keeps the library of every bundle that carries {@code NativeBundle-Library}
 * loaded while the bundle is ACTIVE, for the revision it is ACTIVE with, and unloaded otherwise.
 * Every event of a tracked bundle (adding, modified, removed) leads to the same step,
 * {@link #reconcile}: look at the bundle as it is now and load, unload or reload to match. A
 * bundle started while a refresh on another thread stops and restarts it is so loaded for the
 * revision it ends up with, and a load that failed because its revision went away under it is not
 * taken for a refusal. Refusals are logged and remembered, never thrown into the framework, so one
 * bad bundle cannot disturb the loader or any other bundle. A bundle wired to another
 * {@code io.nativebundle} extender is left to that one ({@link ExtenderWiring}).
 *
 * <p>Unloading runs in the thread that stops the bundle: unregister the services, then let the
 * {@link Unloader} cut the guards and wait, at most its timeout, for calls in flight; what is
 * still referenced then is closed later by the reaper, so a stop never blocks for longer.
 */
final class NativeBundleTracker implements BundleTrackerCustomizer<NativeBundleTracker.Entry>, LoadRecords {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** What the {@code BundleTracker} keeps for a native bundle; the state is in its {@link BundleSlot}. */
    record Entry(long bundleId) {
    }

    private final LoadPipeline loader;
    private final Unloader unloader;
    private final LifecycleEvents events;
    private final ExtenderWiring wiring;
    /** Guarded by itself; see {@link BundleSlot} for why nobody waits on it for longer than a lookup. */
    private final Map<Long, BundleSlot> slots = new HashMap<>();
    private final Map<Long, LoadRefusal> refusals = new ConcurrentHashMap<>();
    private final Map<Long, NativeLibrary> loaded = new ConcurrentHashMap<>();
    private final Map<Long, String> elsewhere = new ConcurrentHashMap<>();
    private volatile boolean closing;

    NativeBundleTracker(LoadPipeline loader, Unloader unloader, LifecycleEvents events, ExtenderWiring wiring) {
        this.loader = loader;
        this.unloader = unloader;
        this.events = events;
        this.wiring = wiring;
    }

    @Override
    public Entry addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY) == null) {
            return null;
        }
        reconcile(bundle, event);
        return new Entry(bundle.getBundleId());
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Entry entry) {
        reconcile(bundle, event);
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Entry entry) {
        if (event == null) {
            // the tracker closes: the loader stops, and every library goes with it
            closing = true;
        }
        reconcile(bundle, event);
    }

    /**
     * Refuses a library that is loaded, e.g. with {@code HOST_CRASHED} when its host crashed too
     * often: its services go away and its generation is unloaded, and it stays refused until the
     * bundle is started again (or changes revision). Nothing happens when the bundle has moved on
     * to another generation. The refusal is left in the bundle's slot and applied by whoever holds
     * the slot's claim, this thread or one already at work on the bundle, as every other change is.
     */
    void refuseLoaded(long bundleId, long generation, LoadRefusal refusal) {
        BundleSlot slot;
        Bundle bundle;
        synchronized (slots) {
            slot = slots.get(bundleId);
            if (slot == null) {
                return;
            }
            slot.refuseLoaded(generation, refusal);
            if (!slot.claim()) {
                return; // the thread at work on the bundle looks again, and applies it
            }
            TrackedLibrary library = slot.loaded();
            if (library == null) {
                // nothing loaded, so nothing to refuse
                slot.release();
                if (slot.idle()) {
                    slots.remove(bundleId);
                }
                return;
            }
            bundle = library.bundle();
        }
        work(bundle, null, slot);
    }

    @Override
    public Optional<NativeLibrary> loaded(long bundleId) {
        return Optional.ofNullable(loaded.get(bundleId));
    }

    @Override
    public Optional<LoadRefusal> refusal(long bundleId) {
        return Optional.ofNullable(refusals.get(bundleId));
    }

    @Override
    public Optional<String> otherExtender(long bundleId) {
        return Optional.ofNullable(elsewhere.get(bundleId));
    }

    /**
     * Brings the bundle's library in line with the bundle, on this thread, unless another thread
     * is at it: that one then looks again when it is done, so the last event always counts.
     */
    private void reconcile(Bundle bundle, BundleEvent event) {
        long id = bundle.getBundleId();
        BundleSlot slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(id, k -> new BundleSlot());
            if (!slot.claim()) {
                return;
            }
        }
        work(bundle, event, slot);
    }

    /** Steps until nothing changed meanwhile, then lets go of the slot's claim, which this thread holds. */
    private void work(Bundle bundle, BundleEvent event, BundleSlot slot) {
        long id = bundle.getBundleId();
        while (true) {
            boolean lookAgain;
            try {
                lookAgain = step(bundle, event, slot);
            } catch (RuntimeException | LinkageError e) {
                // never let an unexpected failure escape into the framework's event delivery
                LOG.log(Level.ERROR, "nativebundle: failed to track " + BundleManifest.describe(bundle), e);
                lookAgain = false;
            }
            synchronized (slots) {
                if (lookAgain) {
                    slot.again();
                }
                if (slot.release()) {
                    if (slot.idle()) {
                        slots.remove(id);
                    }
                    return;
                }
            }
        }
    }

    /**
     * One look at the bundle: unload what no longer fits it, then load what it needs.
     *
     * @return whether the bundle changed under a load, so it must be looked at once more
     */
    private boolean step(Bundle bundle, BundleEvent event, BundleSlot slot) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean active = !closing && bundle.getState() == Bundle.ACTIVE;
        TrackedLibrary current = slot.loaded();
        LoadRefusal lateRefusal;
        synchronized (slots) {
            lateRefusal = current == null ? null : slot.takeRefusalOf(current.generation().generation());
        }
        if (lateRefusal != null) {
            // refused after it loaded (its host crashed too often): refused for the revision it served
            slot.loaded(null, null);
            unload(bundle, event, current, "refused: " + lateRefusal.reason());
            slot.refused(lateRefusal, revision);
            refusals.put(bundle.getBundleId(), lateRefusal);
            LOG.log(Level.WARNING, "nativebundle: refused " + BundleManifest.describe(bundle) + ": " + lateRefusal);
            events.refused(bundle, lateRefusal);
            current = null;
        }
        if (current != null && !(active && slot.loadedFor(revision))) {
            slot.loaded(null, null);
            unload(bundle, event, current, reason(bundle, event));
        }
        if (!active) {
            forget(bundle.getBundleId(), slot);
            return false;
        }
        if (slot.loadedFor(revision) || slot.refusedFor(revision)) {
            return false;
        }
        Optional<Bundle> other = wiring.otherExtender(bundle);
        if (other.isPresent()) {
            if (slot.elsewhere() == null) {
                slot.elsewhere(BundleManifest.describe(other.get()));
                elsewhere.put(bundle.getBundleId(), slot.elsewhere());
                LOG.log(Level.INFO, "nativebundle: " + BundleManifest.describe(bundle) + " is wired to the "
                        + NativeBundleConstants.EXTENDER + " extender of " + slot.elsewhere()
                        + "; this loader leaves it alone");
            }
            return false;
        }
        return load(bundle, revision, slot);
    }

    /** @return whether the bundle changed under the load, which then does not count as refused */
    private boolean load(Bundle bundle, BundleRevision revision, BundleSlot slot) {
        long id = bundle.getBundleId();
        long eventsBefore;
        synchronized (slots) {
            eventsBefore = slot.events();
        }
        LoadRefusal refusal;
        Throwable unexpected = null;
        try {
            TrackedLibrary library = loader.load(bundle, description -> {
                loaded.put(id, description);
                return () -> loaded.remove(id, description);
            });
            refusals.remove(id);
            slot.refused(null, null);
            slot.loaded(library, revision);
            events.loaded(library.generation(), "loaded " + library.library().file() + " for "
                    + BundleManifest.describe(bundle));
            return false;
        } catch (LoadRefusal r) {
            refusal = r;
        } catch (RuntimeException | LinkageError e) {
            unexpected = e;
            refusal = new LoadRefusal(RefusalReason.LOAD_FAILED, e.toString(), e);
        }
        boolean eventsMeanwhile;
        synchronized (slots) {
            eventsMeanwhile = slot.events() != eventsBefore;
        }
        if (eventsMeanwhile || bundle.getState() != Bundle.ACTIVE || bundle.adapt(BundleRevision.class) != revision) {
            // the framework refreshed or stopped the bundle under the load (Felix then fails with a
            // NullPointerException reading a wiring that is gone; a refresh may even end with the
            // same revision ACTIVE again): not a refusal, the bundle as it is now decides
            LOG.log(Level.INFO, "nativebundle: " + BundleManifest.describe(bundle) + " changed while it was loaded ("
                    + refusal + "); looking at it again");
            return true;
        }
        slot.refused(refusal, revision);
        refusals.put(id, refusal);
        if (unexpected != null) {
            LOG.log(Level.ERROR, "nativebundle: failed to load " + BundleManifest.describe(bundle), unexpected);
        } else {
            LOG.log(Level.WARNING, "nativebundle: refused " + BundleManifest.describe(bundle) + ": " + refusal);
        }
        events.refused(bundle, refusal);
        return false;
    }

    /** First no new lookups, then cut and wait: see {@link Unloader}. */
    private void unload(Bundle bundle, BundleEvent event, TrackedLibrary library, String why) {
        library.unpublish();
        loaded.remove(bundle.getBundleId(), library.library());
        unloader.unload(library.generation(), why);
    }

    private void forget(long id, BundleSlot slot) {
        slot.refused(null, null);
        slot.elsewhere(null);
        refusals.remove(id);
        elsewhere.remove(id);
    }

    private String reason(Bundle bundle, BundleEvent event) {
        return closing ? "the loader stopped" : UnloadReason.of(bundle, event);
    }
}
