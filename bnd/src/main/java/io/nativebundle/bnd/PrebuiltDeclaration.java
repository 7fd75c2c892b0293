package io.nativebundle.bnd;

import java.util.Optional;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;
import aQute.service.reporter.Reporter;
import io.nativebundle.contract.Headers;

/**
 * The author's statement that the libraries come from another toolchain and carry no build note,
 * {@code NativeBundle-Prebuilt: cargo;abi=1.0.0}: the toolchain's name (for people; any word) and
 * the nativebundle ABI the libraries were written for. It is the only way a library without the
 * note of {@code NATIVEBUNDLE_LIBRARY} gets into a bundle, so that a forgotten macro still fails the
 * build, and it stays in the manifest, where the loader reads it.
 *
 * @param toolchain what built the libraries, e.g. {@code cargo} or {@code cmake}
 * @param abi       the ABI the libraries target; the bundle requires {@code [abi, abi.major + 1)}
 */
record PrebuiltDeclaration(String toolchain, Version abi) {

    static final String HEADER = Headers.PREBUILT;

    /** Reads the header from bnd.bnd; empty when it is absent, or after reporting why it cannot be used. */
    static Optional<PrebuiltDeclaration> parse(String header, Reporter reporter) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Parameters clauses = new Parameters(header, reporter);
        if (clauses.size() != 1) {
            reporter.error("%s: name one toolchain with the ABI its libraries target, e.g. %s: cargo;abi=1.0.0; "
                + "found '%s'", HEADER, HEADER, header).header(HEADER);
            return Optional.empty();
        }
        String toolchain = clauses.keySet().iterator().next();
        Attrs attrs = clauses.get(toolchain);
        String abi = attrs.get(Headers.ATTR_ABI);
        if (abi == null || !Version.isVersion(abi.trim())) {
            reporter.error("%s: %s needs the ABI its libraries target as a version, e.g. %s;abi=1.0.0; found %s",
                HEADER, toolchain, toolchain, abi == null ? "no abi" : "abi=" + abi).header(HEADER);
            return Optional.empty();
        }
        return Optional.of(new PrebuiltDeclaration(toolchain, Version.parseVersion(abi.trim())));
    }
}
