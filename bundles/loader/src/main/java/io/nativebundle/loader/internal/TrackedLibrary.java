package io.nativebundle.loader.internal;

import java.nio.file.Path;

import org.osgi.framework.Bundle;

/** A loaded generation of one bundle's library, with what must be undone when it goes away. */
final class TrackedLibrary {

    private final Bundle bundle;
    private final LoadedLibrary library;
    private final ServicePublisher.Published published;
    private final Path cacheFolder;

    TrackedLibrary(Bundle bundle, LoadedLibrary library, ServicePublisher.Published published, Path cacheFolder) {
        this.bundle = bundle;
        this.library = library;
        this.published = published;
        this.cacheFolder = cacheFolder;
    }

    Bundle bundle() {
        return bundle;
    }

    LoadedLibrary library() {
        return library;
    }

    Path cacheFolder() {
        return cacheFolder;
    }

    void unpublish() {
        published.unregister();
    }
}
