package io.nativebundle.loader.internal.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.host.SystemLibraryLocator;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.manifest.NativeCodeSelection;

/**
 * The stage step of a load: puts the library into a new generation folder of the
 * {@link NativeCache}. A bundled library's files are copied there (atomically, under their own
 * names, so same-bundle dependencies are found by soname); a host library is found on the
 * host's search path and linked from there, never copied.
 */
public final class Stager {

    private final NativeCache cache;

    public Stager(NativeCache cache) {
        this.cache = cache;
    }

    /**
     * Creates the folder of generation {@code number} of the bundle.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} naming the cache
     */
    public Path createFolder(Bundle bundle, BundleManifest manifest, long number) throws LoadRefusal {
        try {
            return cache.createFolder(bundle.getBundleId(), number);
        } catch (IOException e) {
            throw failed(manifest, e);
        }
    }

    /**
     * @param folder the folder {@link #createFolder} made
     * @throws LoadRefusal {@code NO_NATIVE_CODE} for an entry missing from the jar, {@code UNSAFE_PATH}
     *                     for one that names no file, {@code SYSTEM_LIBRARY_MISSING} for a host library
     *                     not on the search path, {@code LOAD_FAILED} when the cache cannot be written
     */
    public StagedLibrary stage(Bundle bundle, BundleManifest manifest, RuntimeHost host, Path folder)
            throws LoadRefusal {
        try {
            if (manifest.system()) {
                String file = manifest.declaration().system().orElseThrow();
                SystemLibraryLocator.Located located = new SystemLibraryLocator(host.libraries())
                        .locate(manifest.declaration().name(), file);
                Path link = cache.link(located.real(), folder);
                return new StagedLibrary(host.hostLibraryPlatform(), List.of(file), List.of(link), Optional.of(located));
            }
            NativeCodeSelection selection = manifest.selection().orElseThrow();
            List<Path> files = new ArrayList<>();
            for (String entry : selection.entries()) {
                files.add(cache.copy(bundle, entry, folder));
            }
            return new StagedLibrary(selection.platform(), selection.entries(), files, Optional.empty());
        } catch (IOException e) {
            throw failed(manifest, e);
        }
    }

    private LoadRefusal failed(BundleManifest manifest, IOException e) {
        return new LoadRefusal(RefusalReason.LOAD_FAILED, (manifest.system()
                ? "could not link the host library from the cache " + cache.root()
                        + " (each load opens it through a symbolic link of its own)"
                : "could not copy the native files of the bundle into the cache " + cache.root()) + ": " + e, e);
    }
}
