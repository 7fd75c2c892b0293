package io.nativebundle.loader.internal.load;

import io.nativebundle.api.NativeLibrary;

/**
 * Where a load lists its library before the first of its services is registered: the loader's
 * registry. So whoever sees one of the library's services also finds the library in
 * {@code NativeLibraryRegistry} (as {@code native:call} and {@code native:info} look it up).
 */
@FunctionalInterface
public interface Announcement {

    /** Lists nothing: for a load nobody asks the registry about. */
    Announcement NONE = library -> () -> { };

    /**
     * Lists {@code library} as loaded.
     *
     * @return what takes that back, should the load be undone after all
     */
    Runnable announce(NativeLibrary library);
}
