package io.nativebundle.loader.internal.lifecycle;

import io.nativebundle.api.NativeLibraryUnloadedException;

/**
 * One loaded generation of a library: the unit that is opened, leased by calls, and closed.
 * Guards (typed services, NativeFunction, NativeVariable) read {@link #isOpen()} style state
 * on every call and are cut when the generation closes.
 */
public final class LibraryGeneration {

    private final String library;
    private final long generation;
    private volatile boolean open = true;

    public LibraryGeneration(String library, long generation) {
        this.library = library;
        this.generation = generation;
    }

    public String library() {
        return library;
    }

    public long generation() {
        return generation;
    }

    public boolean isOpen() {
        return open;
    }

    /** The exception a call through a cut guard throws. */
    public NativeLibraryUnloadedException unloaded() {
        return new NativeLibraryUnloadedException(library, generation);
    }

    public void close() {
        open = false;
    }
}
