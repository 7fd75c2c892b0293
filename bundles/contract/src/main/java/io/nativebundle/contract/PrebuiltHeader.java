package io.nativebundle.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The grammar of {@code NativeBundle-Prebuilt}, the author's statement that the bundle's libraries
 * come from another toolchain and carry no {@code .note.nativebundle} build note:
 * <pre>
 * NativeBundle-Prebuilt: cargo;abi=1.0.0
 * </pre>
 * One clause: the toolchain's name (for people; any name, e.g. {@code cargo} or {@code cmake}) and
 * {@code abi}, the nativebundle ABI the libraries were written for, an OSGi version. The bnd plugin
 * requires {@code [abi, abi.major + 1)} from it ({@link Abi#requirement}) as it would from a build
 * note, and the loader checks it as it checks a build note's ABI.
 */
public final class PrebuiltHeader {

    private static final String H = Headers.PREBUILT;

    private final String toolchain;
    private final OsgiVersion abi;

    private PrebuiltHeader(String toolchain, OsgiVersion abi) {
        this.toolchain = Objects.requireNonNull(toolchain, "toolchain");
        this.abi = Objects.requireNonNull(abi, "abi");
    }

    /**
     * Reads the header.
     *
     * @return empty when the header is absent (null or blank)
     * @throws MalformedHeaderException when it has not one toolchain, or no {@code abi} version
     */
    public static Optional<PrebuiltHeader> parse(String text) throws MalformedHeaderException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<HeaderClause> clauses = ManifestHeader.parse(H, text);
        if (clauses.size() != 1 || clauses.get(0).paths().size() != 1) {
            throw new MalformedHeaderException(H + ": name one toolchain with the ABI its libraries target, e.g. " + H
                    + ": cargo;abi=1.0.0; found '" + text + "'");
        }
        HeaderClause clause = clauses.get(0);
        String toolchain = clause.name();
        Optional<String> abi = clause.attribute(Headers.ATTR_ABI).map(String::strip);
        Optional<OsgiVersion> version = abi.flatMap(OsgiVersion::parse);
        if (version.isEmpty()) {
            throw new MalformedHeaderException(H + ": " + toolchain + " needs the ABI its libraries target as a"
                    + " version, e.g. " + toolchain + ";" + Headers.ATTR_ABI + "=1.0.0; found "
                    + abi.map(a -> Headers.ATTR_ABI + "=" + a).orElse("no " + Headers.ATTR_ABI));
        }
        return Optional.of(new PrebuiltHeader(toolchain, version.get()));
    }

    /** What built the libraries, e.g. {@code cargo}. */
    public String toolchain() {
        return toolchain;
    }

    /** The nativebundle ABI the libraries target. */
    public OsgiVersion abi() {
        return abi;
    }

    /** {@code cargo;abi=1.0.0}. */
    public String toHeader() {
        return toolchain + ";" + Headers.ATTR_ABI + "=" + abi;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrebuiltHeader p && toolchain.equals(p.toolchain) && abi.equals(p.abi);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toolchain, abi);
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
