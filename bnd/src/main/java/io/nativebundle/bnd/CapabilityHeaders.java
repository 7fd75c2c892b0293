package io.nativebundle.bnd;

import java.util.Map;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Processor;

/**
 * Adds the ABI requirement and the library capability to whatever
 * {@code Require-Capability}/{@code Provide-Capability} the bundle already declares. The clauses
 * themselves are the contract's ({@code Abi.requirement}, {@code LibraryCapability.clause}).
 */
final class CapabilityHeaders {

    static final String REQUIRE = "Require-Capability";
    static final String PROVIDE = "Provide-Capability";
    static final String NATIVE_NAMESPACE = "osgi.native";
    /**
     * A system library is looked up on a Linux search path, so the bundle resolves on Linux only;
     * elsewhere the framework keeps it unresolved with this requirement as the reason.
     */
    static final String LINUX_REQUIREMENT = NATIVE_NAMESPACE + ";filter:=\"(osgi.native.osname~=Linux)\"";

    private CapabilityHeaders() {
    }

    /**
     * Appends {@code clause} to the header. A clause of the same namespace the author wrote by hand
     * is replaced with a warning, because the plugin's one is computed from the binaries.
     */
    static void add(Analyzer analyzer, String header, String namespace, String clause) {
        String existing = analyzer.getProperty(header);
        Parameters kept = new Parameters(true);
        if (existing != null && !existing.isBlank()) {
            for (Map.Entry<String, Attrs> e : new Parameters(existing, analyzer, true).entrySet()) {
                if (Processor.removeDuplicateMarker(e.getKey()).equals(namespace)) {
                    analyzer.warning("%s: the %s clause is written by the nativebundle plugin; remove it from "
                        + "bnd.bnd (replaced '%s')", header, namespace, e.getValue()).header(header);
                } else {
                    kept.add(Processor.removeDuplicateMarker(e.getKey()), e.getValue());
                }
            }
        }
        analyzer.setProperty(header, kept.isEmpty() ? clause : kept + "," + clause);
    }
}
