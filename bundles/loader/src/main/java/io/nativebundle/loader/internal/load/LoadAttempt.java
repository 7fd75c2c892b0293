package io.nativebundle.loader.internal.load;

import java.nio.file.Path;

import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.Publication;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.unload.Unloader;

/**
 * What one load has done so far, so that a refusal at any step undoes exactly that, in one place
 * ({@link #undo}): unregister what was published, take the registry's entry back, discard the
 * generation (the unloader cuts its guards, waits for its objects to be released, closes what the
 * backend opened and deletes the folder) or, when nothing was opened yet, delete the folder, and
 * give back the tenant's quota.
 */
final class LoadAttempt {

    private final long generation;
    private final Tenants tenants;
    private final NativeCache cache;
    private final Unloader unloader;
    private Path folder;
    private LibraryGeneration opened;
    private Publication publication;
    private Runnable withdraw;

    LoadAttempt(long generation, Tenants tenants, NativeCache cache, Unloader unloader) {
        this.generation = generation;
        this.tenants = tenants;
        this.cache = cache;
        this.unloader = unloader;
    }

    /** The number of the generation this attempt loads; its tenant reservation is made under it. */
    long generation() {
        return generation;
    }

    /** The generation's cache folder exists: deleted on undo, with whatever was staged in it. */
    Path staged(Path created) {
        this.folder = created;
        return created;
    }

    /** The backend is about to open into {@code created}: discarded on undo, which also deletes the folder. */
    LibraryGeneration opening(LibraryGeneration created) {
        this.opened = created;
        return created;
    }

    /** The registry lists the library: taken back on undo, after its services are unregistered. */
    void announced(Runnable withdrawal) {
        this.withdraw = withdrawal;
    }

    /** Services are about to be registered into {@code created}: unregistered on undo. */
    Publication publishing(Publication created) {
        this.publication = created;
        return created;
    }

    /** The one undo path of a refused load. */
    void undo() {
        if (publication != null) {
            publication.unregister();
        }
        if (withdraw != null) {
            withdraw.run();
        }
        if (opened != null) {
            unloader.discard(opened, "load refused");
        } else if (folder != null) {
            cache.delete(folder);
        }
        // harmless when nothing was reserved: an invalid tenant, or a runtime bundle
        tenants.release(generation);
    }
}
