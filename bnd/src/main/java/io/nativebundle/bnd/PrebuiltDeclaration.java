package io.nativebundle.bnd;

import java.util.Optional;

import aQute.bnd.version.Version;
import aQute.service.reporter.Reporter;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.PrebuiltHeader;

/**
 * The author's statement that the libraries come from another toolchain and carry no build note,
 * {@code NativeBundle-Prebuilt: cargo;abi=1.0.0}: the toolchain's name (for people; any word) and
 * the nativebundle ABI the libraries were written for. It is the only way a library without the
 * note of {@code NATIVEBUNDLE_LIBRARY} gets into a bundle, so that a forgotten macro still fails the
 * build, and it stays in the manifest, where the loader reads it. The grammar is the contract's
 * ({@link PrebuiltHeader}), the one the loader reads the manifest with.
 *
 * @param toolchain what built the libraries, e.g. {@code cargo} or {@code cmake}
 * @param abi       the ABI the libraries target; the bundle requires {@code [abi, abi.major + 1)}
 */
record PrebuiltDeclaration(String toolchain, Version abi) {

    static final String HEADER = Headers.PREBUILT;

    /** Reads the header from bnd.bnd; empty when it is absent, or after reporting why it cannot be used. */
    static Optional<PrebuiltDeclaration> parse(String header, Reporter reporter) {
        try {
            return PrebuiltHeader.parse(header)
                .map(h -> new PrebuiltDeclaration(h.toolchain(), Version.parseVersion(h.abi().toString())));
        } catch (MalformedHeaderException e) {
            reporter.error("%s", e.getMessage()).header(HEADER);
            return Optional.empty();
        }
    }
}
