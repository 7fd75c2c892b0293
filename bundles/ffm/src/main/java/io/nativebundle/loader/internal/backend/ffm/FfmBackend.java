package io.nativebundle.loader.internal.backend.ffm;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.NativeBackend;

/**
 * The backend on Java's foreign function and memory API ({@code java.lang.foreign}, JDK 22+), in
 * this JVM's process: every generation gets a shared arena and a symbol lookup of its own, closed
 * after its drain; every {@code NativeFunction} (the whole C ABI of docs/c-abi.md: structs,
 * out-parameters, arrays, unsigned types, callbacks, errno, variadic), every
 * {@code NativeVariable} and the typed interfaces {@link FfmBindings} carries (all but their
 * methods of jnr-ffi's structs, callbacks and pointers) go through FFM downcall handles, upcall
 * stubs and memory segments. The typed methods it does not bind itself it hands to the jnr backend
 * for the same generation ({@link FfmLibrary}).
 *
 * <p>Found by name by the loader's {@code BackendSelection}: this class lives in a fragment of
 * the loader bundle that resolves only on a JVM of 22 or later.
 */
public final class FfmBackend implements NativeBackend {

    /** The value of {@code nativebundle.backend} on the services of this backend. */
    public static final String NAME = "ffm";

    private final NativeBackend jnr;

    /** @param jnr the backend that opens the same generation for what FFM does not carry itself */
    public FfmBackend(NativeBackend jnr) {
        this.jnr = jnr;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendLibrary open(Path library, List<Path> dependencies) throws LoadRefusal {
        return FfmLibrary.open(jnr, library, dependencies);
    }
}
