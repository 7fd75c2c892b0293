package io.nativebundle.loader.internal.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.nativebundle.loader.internal.host.SystemLibraryLocator;

/**
 * A library in its generation's folder, ready to be verified and then opened: the copies of the
 * selected clause's files, or a link to the host file a {@code system=} declaration names.
 *
 * @param platform the platform, e.g. {@code linux-x86-64}
 * @param entries  the jar entries copied, the library first; for a host library its {@code system=} name
 * @param files    the files to open, in the generation's folder, in the order of {@code entries}
 * @param host     for a host library: where it was found on the search path; the checks read the real file
 */
public record StagedLibrary(String platform, List<String> entries, List<Path> files,
                            Optional<SystemLibraryLocator.Located> host) {

    public StagedLibrary {
        entries = List.copyOf(entries);
        files = List.copyOf(files);
    }
}
