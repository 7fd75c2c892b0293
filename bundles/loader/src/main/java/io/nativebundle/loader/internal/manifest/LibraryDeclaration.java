package io.nativebundle.loader.internal.manifest;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;

/**
 * What a bundle declares in {@code NativeBundle-Library}: the library name, its version, the
 * Java interface to bind, and for host libraries what {@link SystemDeclaration} describes.
 *
 * @param version the exact version of a bundled library; the floor of the range of a system one
 * @param host    the system attributes when the library comes from the host
 */
public record LibraryDeclaration(String name, Version version, Optional<String> interfaceName, Optional<SystemDeclaration> host) {

    private static final String HEADER = NativeBundleConstants.HEADER_LIBRARY;

    /**
     * Reads the header.
     *
     * @throws MalformedHeaderException when it does not parse, has not exactly one clause, or
     *                                  has a bad name, version, system file, version symbol or digest
     */
    public static LibraryDeclaration parse(String header) throws MalformedHeaderException {
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
        Optional<String> interfaceName = clause.attribute(NativeBundleConstants.ATTR_INTERFACE);
        Optional<String> system = clause.attribute(NativeBundleConstants.ATTR_SYSTEM);
        if (system.isPresent()) {
            SystemDeclaration host = SystemDeclaration.parse(name, clause, system.get());
            return new LibraryDeclaration(name, host.floor(), interfaceName, Optional.of(host));
        }
        String versionText = clause.attribute(NativeBundleConstants.ATTR_VERSION).orElse("0.0.0");
        Version version;
        try {
            version = Version.parseVersion(versionText);
        } catch (IllegalArgumentException e) {
            throw new MalformedHeaderException(HEADER + ": version '" + versionText + "' of library '" + name
                    + "' is not an OSGi version (expected major.minor.micro, e.g. 1.2.0)");
        }
        return new LibraryDeclaration(name, version, interfaceName, Optional.empty());
    }

    /** The host library's file name, e.g. {@code libz.so.1}, when the library comes from the host. */
    Optional<String> system() {
        return host.map(SystemDeclaration::file);
    }
}
