package io.nativebundle.loader.internal.load;

import org.osgi.framework.Bundle;

import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.LoadedLibrary;
import io.nativebundle.loader.internal.publish.Publication;

/**
 * A loaded generation of one bundle's library, with what must be undone when it goes away.
 *
 * @param library     the description, as published
 * @param generation  its guards, cache folder and backend library
 * @param publication every service it registered
 */
public record TrackedLibrary(Bundle bundle, LoadedLibrary library, LibraryGeneration generation,
                             Publication publication) {

    /**
     * Unregisters every service of the generation, so no new lookup finds it. The cut of the
     * guards follows when the unloader starts the unload (the generation runs the cuts the
     * publishers registered).
     */
    public void unpublish() {
        publication.unregister();
    }
}
