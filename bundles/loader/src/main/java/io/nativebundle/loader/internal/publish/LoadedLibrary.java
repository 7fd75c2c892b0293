package io.nativebundle.loader.internal.publish;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.Map;

import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.loader.internal.open.LastErrno;

/**
 * The description of one loaded library generation, published as a {@link NativeLibrary} service.
 *
 * @param backend   the name of the backend that opened it, e.g. {@code jnr}: the {@code nativebundle.backend}
 *                  property of its services
 * @param isolation {@code in-process} or {@code process}: the {@code nativebundle.isolation} property
 * @param hostState the live state of its host process, when it runs in one
 * @param digests   the SHA-256 of every opened file by entry, in the clause's order
 * @param lastErrnos its generation's record of each thread's last errno
 */
public record LoadedLibrary(String name, Version version, String platform, String sha256, Path file, String entry,
                            List<NativeSymbol> symbols, String tenant, long bundleId, long generation,
                            List<String> dependencies, List<CheckResult> checks, String backend, String isolation,
                            Optional<Supplier<NativeHostStatus>> hostState, Map<String, String> digests,
                            LastErrno lastErrnos)
        implements NativeLibrary {

    public LoadedLibrary {
        symbols = List.copyOf(symbols);
        dependencies = List.copyOf(dependencies);
        checks = List.copyOf(checks);
        // insertion order kept: the library first, then its dependencies
        digests = Collections.unmodifiableMap(new LinkedHashMap<>(digests));
    }

    @Override
    public Optional<NativeHostStatus> host() {
        return hostState.map(Supplier::get);
    }

    @Override
    public OptionalInt lastErrno() {
        return lastErrnos.get();
    }

    @Override
    public String namespace() {
        return tenant + "/" + name + "/v" + version.getMajor();
    }
}
