package io.nativebundle.bnd;

import java.util.Map;
import java.util.function.Predicate;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Writes the ABI requirement, the requirement on the nativebundle extender and the library
 * capability, adding to whatever {@code Require-Capability}/{@code Provide-Capability} the bundle
 * already declares:
 * <pre>
 * Require-Capability: io.nativebundle.abi;filter:="(&amp;(io.nativebundle.abi&gt;=1.0.0)(!(io.nativebundle.abi&gt;=2.0.0)))",
 *                     osgi.extender;filter:="(&amp;(osgi.extender=io.nativebundle)(version&gt;=1.0.0)(!(version&gt;=2.0.0)))"
 * Provide-Capability: io.nativebundle.library;io.nativebundle.library=math;version:Version="1.2.0"
 * </pre>
 * The ABI range is {@code [X.Y.Z, X+1)} from the build note's ABI version: a library built for
 * ABI 1.0.0 runs on any 1.x runtime and on no 2.x one. The extender requirement wires the bundle to
 * the loader that extends it, as the Declarative Services annotations wire a component bundle to
 * its runtime.
 */
final class CapabilityHeaders {

    static final String REQUIRE = "Require-Capability";
    static final String PROVIDE = "Provide-Capability";
    static final String ABI_NAMESPACE = "io.nativebundle.abi";
    static final String LIBRARY_NAMESPACE = "io.nativebundle.library";
    static final String NATIVE_NAMESPACE = "osgi.native";
    static final String EXTENDER_NAMESPACE = "osgi.extender";
    /**
     * The ABI a bundle of a system library requires: it has no build note to read one from, and
     * what it relies on (system= loading, version ranges) is part of the runtime's ABI 1.
     */
    static final Version SYSTEM_LIBRARY_ABI = new Version(1, 0, 0);
    /**
     * A system library is looked up on a Linux search path, so the bundle resolves on Linux only;
     * elsewhere the framework keeps it unresolved with this requirement as the reason.
     */
    static final String LINUX_REQUIREMENT = NATIVE_NAMESPACE + ";filter:=\"(osgi.native.osname~=Linux)\"";

    private CapabilityHeaders() {
    }

    static String abiRequirement(Version abi) {
        Version ceiling = new Version(abi.getMajor() + 1, 0, 0);
        return ABI_NAMESPACE + ";filter:=\"(&(" + ABI_NAMESPACE + ">=" + abi + ")(!(" + ABI_NAMESPACE + ">="
            + ceiling + ")))\"";
    }

    static String libraryCapability(String library, Version version) {
        return LIBRARY_NAMESPACE + ";" + LIBRARY_NAMESPACE + "=" + library + ";version:Version=" + version;
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
        String ours = "(" + EXTENDER_NAMESPACE + "=" + NativeBundleConstants.EXTENDER + ")";
        add(analyzer, REQUIRE, EXTENDER_NAMESPACE, NativeBundleConstants.EXTENDER_REQUIREMENT,
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
