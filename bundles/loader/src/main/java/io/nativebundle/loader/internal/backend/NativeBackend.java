package io.nativebundle.loader.internal.backend;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * A way of calling native code: the one place that knows how a library generation is opened, how
 * a declared symbol becomes something to call, and how the generation is closed. Everything else
 * (verification, guards, leases, metrics, tenants, events, argument checks) sits above this seam
 * and is shared by every backend.
 *
 * <pre>{@code
 * BackendLibrary library = backend.open(cachedCopy, List.of(sameBundleDependency));
 * MathLib binding = library.bind(MathLib.class);            // wrapped in a guard by the loader
 * FunctionInvoker add = library.function("add", NativeSignature.parse("(int,int)int"));
 * ...                                                          // unload: guards cut, calls drained
 * library.close();
 * }</pre>
 *
 * <p>What a backend guarantees, so the loader can unload safely (docs/architecture.md says more):
 * <ul>
 *   <li>every object it hands out ({@link BackendLibrary#bind}, {@link BackendLibrary#function},
 *       {@link BackendLibrary#variable}) keeps what it needs to reach native code, and the
 *       {@link BackendLibrary} does not keep those objects: once the loader's guards let go of
 *       them and the calls in flight returned, they are garbage, which is how the loader knows
 *       the generation is drained;</li>
 *   <li>{@link BackendLibrary#close} is called once, after the drain, and no call reaches native
 *       code of the generation after it;</li>
 *   <li>the callables are safe to call from any number of threads at once;</li>
 *   <li>it reports nothing to metrics: the loader's guards count and time every call.</li>
 * </ul>
 */
public interface NativeBackend {

    /** The name, the value of the {@code nativebundle.backend} service property, e.g. {@code jnr}. */
    String name();

    /**
     * Where the calls run, the value of the {@code nativebundle.isolation} service property:
     * {@code in-process}, or {@code process} for a backend that runs them in a process of their own.
     */
    default String isolation() {
        return NativeBundleConstants.ISOLATION_IN_PROCESS;
    }

    /**
     * Opens the files of one generation by their absolute paths, the same-bundle dependencies
     * first, so that the library finds them by soname. Every generation has files of its own, so
     * no two generations share a handle.
     *
     * @param library      the library to open, in the generation's cache folder
     * @param dependencies the libraries of the same bundle it needs, in the same folder
     * @throws LoadRefusal {@code LOAD_FAILED} naming the file and why it could not be opened; what
     *                     was opened before the failure is closed again
     */
    BackendLibrary open(Path library, List<Path> dependencies) throws LoadRefusal;
}
