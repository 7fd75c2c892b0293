package io.nativebundle.loader.internal.call;

import java.util.Objects;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.backend.StringParameters;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * The base of every typed native service: an object that forwards calls to the jnr-ffi binding
 * of one {@link LibraryGeneration} until the generation is {@link #cut() cut}, and throws
 * {@link NativeLibraryUnloadedException} after that without touching native code.
 *
 * <p>A subclass keeps its target in a volatile field. Every call reads the field once into a
 * local, throws when it is null, calls, and keeps the local reachable until the native call has
 * returned ({@code Reference.reachabilityFence}). After {@link #cut()} such locals in the stack
 * frames of calls in flight are the only strong references left to the binding; once the
 * binding is garbage, no call can be running in the library. {@link GuardFactory} generates the
 * subclass of each interface.
 */
public abstract class Guard {

    private final LibraryGeneration generation;
    /** Whether the binding holds string arguments on the thread, which a throwing call must give back. */
    private final boolean holdsStrings;

    /**
     * @param target the binding the subclass forwards to, asked only whether it holds string
     *               arguments ({@link LibraryGeneration#holdsStringArguments})
     */
    protected Guard(LibraryGeneration generation, Object target) {
        this.generation = Objects.requireNonNull(generation, "generation");
        this.holdsStrings = generation.holdsStringArguments(target);
    }

    /** The generation whose binding this guard forwards to. */
    public final LibraryGeneration generation() {
        return generation;
    }

    /** Drops the target: later calls throw, calls in flight finish. Idempotent. */
    protected abstract void cut();

    /** Whether {@link #cut()} ran. */
    public abstract boolean isCut();

    /**
     * The exception of a call refused after the cut; counted as a failed call when the method
     * has metrics, so a consumer hammering a stale reference shows up in the error count.
     */
    protected final NativeLibraryUnloadedException refused(SymbolMetrics metrics) {
        if (metrics != null && metrics.enabled()) {
            metrics.failure(metrics.start());
        }
        return generation.unloaded();
    }

    /** Records the errno of the {@code @SaveError} method that just returned; see {@link GuardGenerator}. */
    protected final void saveErrno() {
        generation.saveErrno();
    }

    /**
     * Before a method with a {@code String} parameter: the mark of the strings the thread holds,
     * or -1 when the binding holds none; see {@link GuardGenerator}.
     */
    protected final long stringsMark() {
        return holdsStrings ? StringParameters.mark() : -1L;
    }

    /**
     * After such a method threw: gives back the strings its conversion took and, the call never
     * made, never released ({@link StringParameters#abandon}).
     */
    protected final void stringsAbandoned(long mark) {
        if (mark >= 0) {
            StringParameters.abandon(mark);
        }
    }

    /**
     * After a method threw whose first converted string comes before any parameter whose
     * conversion can throw: gives back what the call held from where that string began it
     * ({@link StringParameters#abandonCall}); no mark is needed before the call.
     */
    protected final void stringsCallAbandoned() {
        if (holdsStrings) {
            StringParameters.abandonCall();
        }
    }

    /** Rethrows what a callback of the method that just returned threw; see {@link GuardGenerator}. */
    protected final void callbacksReturned() {
        generation.callbacksReturned();
    }

    @Override
    public String toString() {
        Class<?>[] types = getClass().getInterfaces();
        String type = types.length == 0 ? "native service" : types[0].getName();
        return type + " of library '" + generation.library() + "' generation " + generation.generation()
                + (isCut() ? " (unloaded)" : "");
    }
}
