package io.nativebundle.loader.internal.stage;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;

/**
 * A library verified and ready to open: the bundle's files copied into a generation folder, or a
 * host file found in place.
 *
 * @param platform     the platform, e.g. {@code linux-x86-64}
 * @param entry        the jar entry of the library, or the {@code system=} name of a host library
 * @param files        the files to open, the library first, then its same-bundle dependencies
 * @param sha256       the digest of the library file
 * @param version      the version the services carry: the declared one, or the host library's actual one
 * @param checks       the checks that passed, in order
 * @param dependencies the {@code DT_NEEDED} libraries with where they were found
 */
public record PreparedLibrary(String platform, String entry, List<Path> files, String sha256, Version version,
                       List<CheckResult> checks, List<String> dependencies) {

    public PreparedLibrary {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
        dependencies = List.copyOf(dependencies);
    }

    /** The same host library, opened through {@code link}, a generation's own path to it. */
    public PreparedLibrary openedThrough(Path link) {
        return new PreparedLibrary(platform, entry, List.of(link), sha256, version, checks, dependencies);
    }

    /** The same library with a version read after it was opened, and the check that read it. */
    PreparedLibrary withVersion(Version actual, CheckResult check) {
        List<CheckResult> more = new java.util.ArrayList<>(checks);
        more.add(check);
        return new PreparedLibrary(platform, entry, files, sha256, actual, more, dependencies);
    }
}
