package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;

/**
 * A library that passed every check before it is opened.
 *
 * @param platform     the platform, e.g. {@code linux-x86-64}
 * @param entry        the jar entry of the library, or the {@code system=} name of a host library
 * @param files        the files to open, the library first, then its same-bundle dependencies
 * @param sha256       the digest of the library file
 * @param version      the version the services carry: the declared one, or the host library's actual one
 * @param checks       the checks that passed, in order
 * @param dependencies the {@code DT_NEEDED} libraries with where they were found
 */
public record VerifiedLibrary(String platform, String entry, List<Path> files, String sha256, Version version,
                              List<CheckResult> checks, List<String> dependencies) {

    public VerifiedLibrary {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
        dependencies = List.copyOf(dependencies);
    }

    /** The same library with the checks run before its own (the signature) and after them (the lock file). */
    public VerifiedLibrary withChecks(List<CheckResult> before, List<CheckResult> after) {
        List<CheckResult> all = new ArrayList<>(before);
        all.addAll(checks);
        all.addAll(after);
        return new VerifiedLibrary(platform, entry, files, sha256, version, all, dependencies);
    }

    /** The same library with a version read after it was opened, and the check that read it. */
    public VerifiedLibrary withVersion(Version actual, CheckResult check) {
        List<CheckResult> more = new ArrayList<>(checks);
        more.add(check);
        return new VerifiedLibrary(platform, entry, files, sha256, actual, more, dependencies);
    }
}
