package io.nativebundle.loader.internal.backend.jnr;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.NativeBackend;

/**
 * The backend on jnr-ffi and jffi, in this JVM's process: typed interfaces are bound by jnr-ffi's
 * generated classes, {@code NativeFunction}s call through jffi's invokers, variables are read and
 * written with jffi's {@code MemoryIO}, and the loader closes the libraries itself
 * ({@link DynamicLinker}), because jnr-ffi has no unload and jffi never closes a library.
 *
 * <p>Create it before any plugin library is opened: it binds {@code dlclose} first (see
 * {@link DynamicLinker}).
 */
public final class JnrBackend implements NativeBackend {

    /** The value of {@code nativebundle.backend} on the services of this backend. */
    public static final String NAME = "jnr";

    /** {@code dlopen}/{@code dlclose}; null where unloaded libraries stay mapped (not Linux). */
    private final DynamicLinker linker;

    public JnrBackend() {
        this.linker = DynamicLinker.create();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendLibrary open(Path library, List<Path> dependencies) throws LoadRefusal {
        return JnrLibrary.open(linker, library, dependencies);
    }
}
