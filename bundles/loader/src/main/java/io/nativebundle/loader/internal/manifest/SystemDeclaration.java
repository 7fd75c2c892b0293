package io.nativebundle.loader.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The part of {@code NativeBundle-Library} that describes a library taken from the host, e.g.
 * {@code z;system=libz.so.1;version="[1.2,2)";version-symbol=zlibVersion;sha256="<hex>,<hex>"}.
 *
 * @param file          the file name looked up on the host's search path, e.g. {@code libz.so.1}
 * @param range         the versions accepted; a plain version {@code 1.2} means "at least 1.2"
 * @param versionSymbol an exported {@code const char *f(void)} that returns the version, if declared
 * @param sha256        the digests the real file may have; empty for no allow-list
 */
public record SystemDeclaration(String file, VersionRange range, Optional<String> versionSymbol, List<String> sha256) {

    private static final String HEADER = NativeBundleConstants.HEADER_LIBRARY;

    public SystemDeclaration {
        sha256 = List.copyOf(sha256);
    }

    /** Reads the system attributes of the clause of library {@code name}. */
    static SystemDeclaration parse(String name, HeaderClause clause, String file) throws MalformedHeaderException {
        String trimmed = file.trim();
        if (trimmed.isEmpty()) {
            throw new MalformedHeaderException(HEADER + ": system= of library '" + name
                    + "' is empty; expected the host library's file name, e.g. system=libz.so.1");
        }
        if (trimmed.indexOf('/') >= 0 || trimmed.equals(".") || trimmed.equals("..")) {
            throw new MalformedHeaderException(HEADER + ": system=" + trimmed + " of library '" + name
                    + "' is a path; expected a file name without '/', e.g. libz.so.1, which the loader looks up"
                    + " on the host's default library search path");
        }
        return new SystemDeclaration(trimmed, range(name, clause), versionSymbol(name, clause), sha256(name, clause));
    }

    /**
     * The symbols the binary checks look for: the declared ones and the version function, which
     * must be exported like any declared symbol and is refused the same way.
     */
    public List<String> symbolsToCheck(List<String> declared) {
        List<String> names = new ArrayList<>(declared);
        versionSymbol.filter(s -> !names.contains(s)).ifPresent(names::add);
        return names;
    }

    /** The floor of the range: the version the bundle was written against. */
    Version floor() {
        return range.getLeft();
    }

    private static VersionRange range(String name, HeaderClause clause) throws MalformedHeaderException {
        String text = clause.attribute(NativeBundleConstants.ATTR_VERSION).map(String::trim).orElse("");
        if (text.isEmpty()) {
            throw new MalformedHeaderException(HEADER + ": system library '" + name + "' has no version; expected a"
                    + " range of the host versions it accepts, e.g. version=\"[1.2,2)\"");
        }
        VersionRange range;
        try {
            // a plain version is a range with only a floor: "1.2" accepts 1.2 and everything later
            range = new VersionRange(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedHeaderException(HEADER + ": version '" + text + "' of system library '" + name
                    + "' is neither an OSGi version range like [1.2,2) nor a version like 1.2: " + e.getMessage());
        }
        if (range.isEmpty()) {
            throw new MalformedHeaderException(HEADER + ": version range '" + text + "' of system library '" + name
                    + "' is empty: no version can lie inside it; expected e.g. [1.2,2)");
        }
        return range;
    }

    private static Optional<String> versionSymbol(String name, HeaderClause clause) throws MalformedHeaderException {
        Optional<String> symbol = clause.attribute(NativeBundleConstants.ATTR_VERSION_SYMBOL).map(String::trim);
        if (symbol.isPresent() && !symbol.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MalformedHeaderException(HEADER + ": version-symbol '" + symbol.get() + "' of library '" + name
                    + "' is not a C identifier; expected the name of a function like zlibVersion");
        }
        return symbol;
    }

    private static List<String> sha256(String name, HeaderClause clause) throws MalformedHeaderException {
        List<String> digests = new ArrayList<>();
        Optional<String> text = clause.attribute(NativeBundleConstants.ATTR_SHA256);
        if (text.isEmpty()) {
            return digests;
        }
        for (String part : text.get().split(",")) {
            String digest = part.trim().toLowerCase(Locale.ROOT);
            if (!digest.matches("[0-9a-f]{64}")) {
                throw new MalformedHeaderException(HEADER + ": sha256 '" + part.trim() + "' of library '" + name
                        + "' is not a SHA-256; expected 64 hex digits, several separated by commas");
            }
            digests.add(digest);
        }
        return digests;
    }
}
