package io.nativebundle.bnd;

import java.util.Map;
import java.util.function.Predicate;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Processor;

import io.nativebundle.contract.Extender;

/**
 * Writes the ABI requirement, the requirement on the nativebundle extender and the library
 * capability, adding to whatever {@code Require-Capability}/{@code Provide-Capability} the bundle
 * already declares. The clauses themselves are the contract's ({@code Abi.requirement},
 * {@code Extender.REQUIREMENT}, {@code LibraryCapability.clause}):
 * <pre>
 * Require-Capability: io.nativebundle.abi;filter:="(&amp;(io.nativebundle.abi&gt;=1.0.0)(!(io.nativebundle.abi&gt;=2.0.0)))",
 *                     osgi.extender;filter:="(&amp;(osgi.extender=io.nativebundle)(version&gt;=1.0.0)(!(version&gt;=2.0.0)))"
 * Provide-Capability: io.nativebundle.library;io.nativebundle.library=math;version:Version="1.2.0"
 * </pre>
 * The extender requirement wires the bundle to the loader that extends it, as the Declarative
 * Services annotations wire a component bundle to its runtime.
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
        add(analyzer, header, namespace, clause, attrs -> true);
    }

    /**
     * Appends the requirement on the nativebundle extender. An {@code osgi.extender} clause for
     * another extender, e.g. Declarative Services' {@code osgi.component}, stays; one for
     * {@code io.nativebundle} the author wrote is replaced with a warning.
     */
    static void addExtenderRequirement(Analyzer analyzer) {
        String ours = "(" + Extender.NAMESPACE + "=" + Extender.NAME + ")";
        add(analyzer, REQUIRE, Extender.NAMESPACE, Extender.REQUIREMENT,
            attrs -> String.valueOf(attrs.get("filter:")).contains(ours));
    }

    /** @param replaces which clauses of {@code namespace} the plugin's {@code clause} replaces */
    private static void add(Analyzer analyzer, String header, String namespace, String clause,
        Predicate<Attrs> replaces) {
        String existing = analyzer.getProperty(header);
        Parameters kept = new Parameters(true);
        if (existing != null && !existing.isBlank()) {
            for (Map.Entry<String, Attrs> e : new Parameters(existing, analyzer, true).entrySet()) {
                if (Processor.removeDuplicateMarker(e.getKey()).equals(namespace) && replaces.test(e.getValue())) {
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
