package io.nativebundle.bnd;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import aQute.service.reporter.Reporter;

/**
 * The author's single declaration, the {@code NativeBundle-Library} header, e.g.
 * {@code math;version=1.2.0;interface=io.nativebundle.examples.math.MathLib} or, for a library
 * the host provides, {@code z;system=libz.so.1;version="[1.2,2)"}.
 *
 * @param name          the library name, e.g. {@code math}; also the build note's library name
 * @param version       the exact version of a bundled library, or the version (range) of a system one
 * @param interfaceName the Java interface jnr-ffi binds, if any
 * @param system        the host library's file name when the library is not in the bundle
 */
record LibraryDeclaration(String name, String version, Optional<String> interfaceName, Optional<String> system) {

    static final String HEADER = "NativeBundle-Library";
    static final String VERSION = "version";
    static final String INTERFACE = "interface";
    static final String SYSTEM = "system";
    static final String VERSION_SYMBOL = "version-symbol";
    static final String SHA256 = "sha256";

    private static final Set<String> KNOWN_ATTRIBUTES = Set.of(VERSION, INTERFACE, SYSTEM, VERSION_SYMBOL, SHA256);
    private static final Set<String> SYSTEM_ONLY = Set.of(VERSION_SYMBOL, SHA256);
    private static final Pattern C_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SHA256_LIST = Pattern.compile("\\s*[0-9a-fA-F]{64}\\s*(,\\s*[0-9a-fA-F]{64}\\s*)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final String JAVA_IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern JAVA_NAME = Pattern.compile(JAVA_IDENTIFIER + "(\\." + JAVA_IDENTIFIER + ")*");

    /**
     * Parses and validates the header; reports every problem and returns empty if the header
     * cannot be used.
     */
    static Optional<LibraryDeclaration> parse(String header, Reporter reporter) {
        Parameters clauses = new Parameters(header, reporter);
        if (clauses.size() != 1) {
            reporter.error("%s: declare exactly one library, found %d in '%s'", HEADER, clauses.size(), header);
            return Optional.empty();
        }
        String name = clauses.keySet().iterator().next();
        Attrs attrs = clauses.get(name);
        boolean valid = true;
        if (!NAME.matcher(name).matches()) {
            reporter.error("%s: '%s' is not a valid library name (letters, digits, '_', '.', '+', '-')", HEADER, name);
            valid = false;
        }
        for (String key : attrs.keySet()) {
            if (!KNOWN_ATTRIBUTES.contains(key)) {
                reporter.warning("%s: unknown attribute '%s' (known: %s)", HEADER, key,
                    "version, interface, system, version-symbol, sha256");
            }
        }
        Optional<String> system = Optional.ofNullable(attrs.get(SYSTEM)).map(String::trim);
        String version = attrs.get(VERSION);
        if (version == null || version.isBlank()) {
            reporter.error("%s: library '%s' has no version; write %s;version=1.0.0", HEADER, name, name);
            valid = false;
        } else if (system.isEmpty() && !Version.isVersion(version.trim())) {
            // a bundled library is one exact build, so the build note can be compared with it
            reporter.error("%s: version '%s' of library '%s' is not an OSGi version like 1.2.0", HEADER, version, name);
            valid = false;
        } else if (system.isPresent() && !Version.isVersion(version.trim())
            && !VersionRange.isOSGiVersionRange(version.trim())) {
            reporter.error("%s: version '%s' of system library '%s' is neither a version nor a range like [1.2,2)",
                HEADER, version, name);
            valid = false;
        }
        Optional<String> interfaceName = Optional.ofNullable(attrs.get(INTERFACE)).map(String::trim);
        if (interfaceName.isPresent() && !JAVA_NAME.matcher(interfaceName.get()).matches()) {
            reporter.error("%s: interface '%s' is not a fully qualified Java class name", HEADER, interfaceName.get());
            valid = false;
        }
        if (system.isPresent() && system.get().isEmpty()) {
            reporter.error("%s: system= of library '%s' is empty; name the host library, e.g. system=libz.so.1",
                HEADER, name);
            valid = false;
        } else if (system.isPresent() && system.get().contains("/")) {
            reporter.error("%s: system=%s of library '%s' is a path; name the file only, e.g. system=libz.so.1, which "
                + "the loader looks up on the host's library search path", HEADER, system.get(), name);
            valid = false;
        }
        for (String key : SYSTEM_ONLY) {
            if (attrs.containsKey(key) && system.isEmpty()) {
                reporter.error("%s: %s= applies to a system library only; library '%s' has no system=", HEADER, key,
                    name);
                valid = false;
            }
        }
        String versionSymbol = attrs.get(VERSION_SYMBOL);
        if (versionSymbol != null && !C_NAME.matcher(versionSymbol.trim()).matches()) {
            reporter.error("%s: version-symbol '%s' of library '%s' is not a C function name", HEADER, versionSymbol,
                name);
            valid = false;
        }
        String sha256 = attrs.get(SHA256);
        if (sha256 != null && !SHA256_LIST.matcher(sha256).matches()) {
            reporter.error("%s: sha256 of library '%s' must be 64 hex digits, several separated by commas; found '%s'",
                HEADER, name, sha256);
            valid = false;
        }
        return valid ? Optional.of(new LibraryDeclaration(name, version.trim(), interfaceName, system))
            : Optional.empty();
    }

    boolean isSystem() {
        return system.isPresent();
    }

    /** The version of the library capability: the version itself, or the floor of a range. */
    Version capabilityVersion() {
        if (Version.isVersion(version)) {
            return Version.parseVersion(version);
        }
        return VersionRange.parseOSGiVersionRange(version).getLow();
    }
}
