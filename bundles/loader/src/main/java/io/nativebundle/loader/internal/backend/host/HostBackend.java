package io.nativebundle.loader.internal.backend.host;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.NativeBackend;

/**
 * The backend that runs one library generation's calls in a host process of its own
 * ({@code nativebundle-host}), so that a crash of the library ends that process and never the
 * JVM. The same services as in process, with {@code nativebundle.backend=host} and
 * {@code nativebundle.isolation=process}; callers tell the difference only by latency, and by the
 * {@code NativeHostCrashedException} and {@code NativeCallTimeoutException} a call may throw.
 * One instance per generation ({@link HostRuntime#backend}): it knows whose host it starts.
 */
final class HostBackend implements NativeBackend {

    /** The value of {@code nativebundle.backend} on the services of this backend. */
    static final String NAME = "host";

    private final HostRuntime runtime;
    private final HostIdentity identity;
    private final HostPlacement placement;

    HostBackend(HostRuntime runtime, HostIdentity identity, HostPlacement placement) {
        this.runtime = runtime;
        this.identity = identity;
        this.placement = placement;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String isolation() {
        return NativeBundleConstants.ISOLATION_PROCESS;
    }

    @Override
    public BackendLibrary open(Path library, List<Path> dependencies) throws LoadRefusal {
        return HostLibrary.open(runtime, identity, placement, library, dependencies);
    }
}
