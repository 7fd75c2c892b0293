package io.nativebundle.loader.internal.load;

import org.osgi.framework.Bundle;

import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.LoadedLibrary;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolServices;

/** A loaded generation of one bundle's library, with what must be undone when it goes away. */
public final class TrackedLibrary {

    private final Bundle bundle;
    private final LoadedLibrary library;
    private final ServicePublisher.Published published;
    private final LibraryGeneration generation;
    private final SymbolServices symbols;

    TrackedLibrary(Bundle bundle, LoadedLibrary library, ServicePublisher.Published published,
                   LibraryGeneration generation, SymbolServices symbols) {
        this.bundle = bundle;
        this.library = library;
        this.published = published;
        this.generation = generation;
        this.symbols = symbols;
    }

    Bundle bundle() {
        return bundle;
    }

    public LoadedLibrary library() {
        return library;
    }

    /** The generation: its guards, cache folder and native handles. */
    public LibraryGeneration generation() {
        return generation;
    }

    /**
     * Unregisters every service of the generation, so no new lookup finds it. The cut of the
     * guards follows when the unloader starts the unload (the generation runs the cuts the
     * symbol publisher and the typed guard registered).
     */
    public void unpublish() {
        symbols.unregister();
        published.unregister();
    }
}
