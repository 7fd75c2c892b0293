package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A bundle written from a descriptor.
 *
 * @param jar          the bundle file
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param library      the library file packed, or the host library checked
 * @param sha256       the digest of the packed library; empty for a host library
 * @param signature    the digest of the detached signature packed ({@code <descriptor>.sig}); empty when there was none
 */
public record Wrapped(Path jar, String symbolicName, Path library, Optional<String> sha256,
                      Optional<String> signature) {
}
