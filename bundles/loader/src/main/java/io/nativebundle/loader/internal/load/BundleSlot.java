package io.nativebundle.loader.internal.load;

import org.osgi.framework.wiring.BundleRevision;

import io.nativebundle.loader.internal.LoadRefusal;

/**
 * What the extender did for one bundle, and who is working on it. The framework delivers a
 * bundle's events on more than one thread at once: Felix sends {@code STARTED} without holding the
 * bundle's lock, so a refresh on another thread can stop, re-resolve and start the bundle again
 * while the first thread is still loading it. Waiting for that thread in an event callback could
 * deadlock with the framework's locks, so nobody waits: the first thread to claim the slot works,
 * a thread that finds it claimed leaves a note ({@link #claim} returns false), and the worker looks
 * at the bundle once more before it lets go ({@link #release} returns false). The fields are
 * touched only by the thread holding the claim; claim and release are called under one lock
 * (the tracker's), which orders one worker's writes before the next one's reads.
 */
public final class BundleSlot {

    private boolean working;
    private boolean again;
    private TrackedLibrary loaded;
    private BundleRevision loadedFor;
    private LoadRefusal refusal;
    private BundleRevision refusedFor;
    private String elsewhere;
    /** How many events of the bundle arrived ({@link #claim} calls); under the tracker's lock. */
    private long events;
    /** A refusal of a loaded generation from outside the claim (a host that crashed too often); under the tracker's lock. */
    private LoadRefusal lateRefusal;
    private long lateGeneration;

    /** Claims the slot; false when another thread holds it, which will then look at the bundle again. */
    public boolean claim() {
        events++;
        if (working) {
            again = true;
            return false;
        }
        working = true;
        again = false;
        return true;
    }

    /** Lets go of the claim; false, keeping it, when something changed meanwhile and the bundle must be looked at again. */
    public boolean release() {
        if (again) {
            again = false;
            return false;
        }
        working = false;
        return true;
    }

    /** The bundle must be looked at again before the claim is let go, e.g. its revision changed under a load. */
    public void again() {
        again = true;
    }

    /** Whether nothing is held for the bundle and nobody works on it: the slot can be forgotten. */
    public boolean idle() {
        return !working && loaded == null && refusal == null && elsewhere == null;
    }

    /** The library loaded for the bundle, or null. */
    public TrackedLibrary loaded() {
        return loaded;
    }

    /** Whether the library is loaded for {@code revision}, the bundle's current one. */
    public boolean loadedFor(BundleRevision revision) {
        return loaded != null && loadedFor == revision;
    }

    public void loaded(TrackedLibrary library, BundleRevision revision) {
        this.loaded = library;
        this.loadedFor = library == null ? null : revision;
    }

    /** Whether the bundle was refused as it is now, {@code revision}: it is not tried again until it changes. */
    public boolean refusedFor(BundleRevision revision) {
        return refusal != null && refusedFor == revision;
    }

    public void refused(LoadRefusal why, BundleRevision revision) {
        this.refusal = why;
        this.refusedFor = why == null ? null : revision;
    }

    /** The other extender the bundle is wired to, or null. */
    public String elsewhere() {
        return elsewhere;
    }

    public void elsewhere(String extender) {
        this.elsewhere = extender;
    }

    /**
     * Notes that the loaded generation {@code generation} is to be refused; called under the
     * tracker's lock by a thread that may not hold the claim.
     */
    public void refuseLoaded(long generation, LoadRefusal why) {
        this.lateRefusal = why;
        this.lateGeneration = generation;
    }

    /** The refusal noted for {@code generation}, taken once; null if there is none (or it was for another generation). */
    public LoadRefusal takeRefusalOf(long generation) {
        LoadRefusal why = lateRefusal != null && lateGeneration == generation ? lateRefusal : null;
        lateRefusal = null;
        return why;
    }

    /**
     * How many events of the bundle have arrived so far; under the tracker's lock. A load that
     * fails while this moved on saw the bundle change under it (a refresh may stop, unresolve,
     * resolve and start it again with the same revision), so its failure is not a refusal.
     */
    public long events() {
        return events;
    }
}
