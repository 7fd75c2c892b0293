package io.nativebundle.loader.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;

/**
 * What a bundle declares in {@code NativeBundle-Library}: the library name, its version, the
 * Java interface to bind, and for host libraries the system file name.
 */
record LibraryDeclaration(String name, Version version, Optional<String> interfaceName, Optional<String> system) {

    private static final String HEADER = NativeBundleConstants.HEADER_LIBRARY;

    /**
     * Reads the header.
     *
     * @throws MalformedHeaderException when it does not parse, has not exactly one clause, or
     *                                  has a bad name or version
     */
    static LibraryDeclaration parse(String header) throws MalformedHeaderException {
        List<HeaderClause> clauses = HeaderParser.parse(HEADER, header);
        if (clauses.size() != 1) {
            throw new MalformedHeaderException(HEADER + ": expected exactly one library clause but found "
                    + clauses.size() + " in '" + header + "'");
        }
        HeaderClause clause = clauses.get(0);
        String name = clause.name();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new MalformedHeaderException(HEADER + ": library name '" + name
                    + "' must be letters, digits, '_', '.' or '-'");
        }
        Optional<String> system = clause.attribute(NativeBundleConstants.ATTR_SYSTEM);
        String versionText = clause.attribute(NativeBundleConstants.ATTR_VERSION).orElse("0.0.0");
        Version version;
        try {
            // a host library declares a range, e.g. [1.2,2); its floor names the API level
            version = Version.parseVersion(system.isPresent() ? floorOf(versionText) : versionText);
        } catch (IllegalArgumentException e) {
            throw new MalformedHeaderException(HEADER + ": version '" + versionText + "' of library '" + name
                    + "' is not an OSGi version (expected major.minor.micro, e.g. 1.2.0)");
        }
        return new LibraryDeclaration(name, version, clause.attribute(NativeBundleConstants.ATTR_INTERFACE), system);
    }

    private static String floorOf(String range) {
        String t = range.trim();
        if (t.startsWith("[") || t.startsWith("(")) {
            int comma = t.indexOf(',');
            return t.substring(1, comma < 0 ? t.length() - 1 : comma).trim();
        }
        return t;
    }
}
