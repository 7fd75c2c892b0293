package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;
import io.nativebundle.wrap.DescriptorException;

/**
 * Gives the lines of a descriptor their meaning: the top-level keys, the {@code [symbols]} and
 * {@code [variables]} sections, and the rules between keys. The first problem ends the parse,
 * with its line and column.
 */
final class DescriptorParser {

    static final String SYMBOLS = "symbols";
    static final String VARIABLES = "variables";
    static final List<String> KEYS = List.of("library", "version", "tenant", "file", "system", "version-symbol", "sha256");

    /** What the loader accepts as a variable type (its NativeVariableService). */
    static final Set<NativeType> VARIABLE_TYPES = EnumSet.of(NativeType.BYTE, NativeType.SHORT, NativeType.INT,
            NativeType.LONG, NativeType.FLOAT, NativeType.DOUBLE, NativeType.POINTER);

    private static final Pattern LIBRARY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Path file;
    private final Map<String, Entry> keys = new LinkedHashMap<>();
    private final Map<String, Position> symbolNames = new HashMap<>();
    private final Map<String, Position> sections = new HashMap<>();
    private final List<DeclaredSymbol> functions = new ArrayList<>();
    private final List<DeclaredSymbol> variables = new ArrayList<>();

    private DescriptorParser(Path file) {
        this.file = file;
    }

    /**
     * @param file the descriptor, for messages and for {@link Descriptor#file()}
     * @param text its content
     */
    static Descriptor parse(Path file, String text) throws DescriptorException {
        return new DescriptorParser(file).descriptor(text);
    }

    private Descriptor descriptor(String text) throws DescriptorException {
        String section = null;
        for (Line line : new DescriptorLexer(file).lines(text)) {
            if (line.isSection()) {
                section = section(line);
            } else if (section == null) {
                key(line.entry());
            } else {
                symbol(section, line.entry());
            }
        }
        return build();
    }

    private String section(Line line) throws DescriptorException {
        String name = line.section();
        if (!name.equals(SYMBOLS) && !name.equals(VARIABLES)) {
            throw error(line.at(), "unknown section [" + name + "]; expected [" + SYMBOLS + "] or [" + VARIABLES + "]");
        }
        Position earlier = sections.putIfAbsent(name, line.at());
        if (earlier != null) {
            throw error(line.at(), "section [" + name + "] is already declared on line " + earlier.line());
        }
        return name;
    }

    private void key(Entry entry) throws DescriptorException {
        if (!KEYS.contains(entry.key())) {
            throw error(entry.keyAt(), "unknown key '" + entry.key() + "'; expected one of " + String.join(", ", KEYS)
                    + (C_IDENTIFIER.matcher(entry.key()).matches() ? ", or a symbol under [symbols]" : ""));
        }
        Entry earlier = keys.putIfAbsent(entry.key(), entry);
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate key '" + entry.key() + "'; it is already set on line "
                    + earlier.keyAt().line());
        }
    }

    private void symbol(String section, Entry entry) throws DescriptorException {
        String name = entry.key();
        if (!C_IDENTIFIER.matcher(name).matches()) {
            throw error(entry.keyAt(), "'" + name + "' is not a C symbol name; expected letters, digits and '_',"
                    + " not starting with a digit");
        }
        Position earlier = symbolNames.putIfAbsent(name, entry.keyAt());
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate symbol '" + name + "'; it is already declared on line "
                    + earlier.line());
        }
        if (section.equals(SYMBOLS)) {
            String signature = SignatureParser.parse(file, entry.value(), entry.valueAt()).toString();
            functions.add(new DeclaredSymbol(new NativeSymbol(name, NativeSymbol.Kind.FUNCTION, signature),
                    entry.keyAt()));
        } else {
            NativeType type = SignatureParser.type(file, entry.value(), entry.valueAt(), "variable");
            if (!VARIABLE_TYPES.contains(type)) {
                throw error(entry.valueAt(), "a variable cannot be of type " + type.token()
                        + "; expected one of byte, short, int, long, float, double, pointer");
            }
            variables.add(new DeclaredSymbol(new NativeSymbol(name, NativeSymbol.Kind.VARIABLE, type.token()),
                    entry.keyAt()));
        }
    }

    private Descriptor build() throws DescriptorException {
        Entry library = required("library", "the library name, e.g. library = foo");
        Entry version = required("version", "the library version, e.g. version = 1.2.0");
        if (!LIBRARY_NAME.matcher(library.value()).matches()) {
            throw error(library.valueAt(), "library name '" + library.value()
                    + "' must be letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        Optional<Entry> system = optional("system");
        Optional<Entry> libraryFile = optional("file");
        if (system.isPresent() && libraryFile.isPresent()) {
            Entry later = later(system.get(), libraryFile.get());
            throw error(later.keyAt(), "'file' and 'system' exclude each other: a library is either next to the"
                    + " descriptor or on the host");
        }
        for (Optional<Entry> name : List.of(system, libraryFile)) {
            if (name.isPresent() && (name.get().value().contains("/") || name.get().value().contains("\\")
                    || name.get().value().startsWith("."))) {
                throw error(name.get().valueAt(), "'" + name.get().value() + "' must be a plain file name,"
                        + " without a folder");
            }
        }
        Optional<Entry> versionSymbol = optional("version-symbol");
        Optional<Entry> sha256 = optional("sha256");
        for (Optional<Entry> hostOnly : List.of(versionSymbol, sha256)) {
            if (hostOnly.isPresent() && system.isEmpty()) {
                throw error(hostOnly.get().keyAt(), "'" + hostOnly.get().key() + "' applies only to a host library;"
                        + " add system = <file name>, or remove it");
            }
        }
        if (versionSymbol.isPresent() && !C_IDENTIFIER.matcher(versionSymbol.get().value()).matches()) {
            throw error(versionSymbol.get().valueAt(), "'" + versionSymbol.get().value() + "' is not a C symbol name");
        }
        Optional<Entry> tenant = optional("tenant");
        if (tenant.isPresent()) {
            Optional<String> problem = TenantIds.problem(tenant.get().value());
            if (problem.isPresent()) {
                throw error(tenant.get().valueAt(), problem.get());
            }
        }
        List<DeclaredSymbol> symbols = new ArrayList<>(functions);
        symbols.addAll(variables);
        return new Descriptor(file, library, version, range(version, system.isPresent()), tenant, libraryFile, system,
                versionSymbol, sha256.isPresent() ? digests(sha256.get()) : List.of(), symbols);
    }

    /** A bundled library has one version; a host library a range, or a floor ("at least"). */
    private VersionRange range(Entry version, boolean system) throws DescriptorException {
        String text = version.value();
        if (system && (text.startsWith("[") || text.startsWith("("))) {
            try {
                return VersionRange.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw error(version.valueAt(), "version range '" + text + "' does not parse; expected e.g. [1.2,2)"
                        + " or a version such as 1.2 (meaning at least 1.2)");
            }
        }
        Version v;
        try {
            v = Version.parseVersion(text);
        } catch (IllegalArgumentException e) {
            throw error(version.valueAt(), "version '" + text + "' is not an OSGi version; expected"
                    + " major[.minor[.micro[.qualifier]]], e.g. 1.2.0" + (system ? ", or a range such as [1.2,2)" : ""));
        }
        return system ? new VersionRange(VersionRange.LEFT_CLOSED, v, null, VersionRange.RIGHT_OPEN)
                : new VersionRange(VersionRange.LEFT_CLOSED, v, v, VersionRange.RIGHT_CLOSED);
    }

    private List<String> digests(Entry sha256) throws DescriptorException {
        List<String> digests = new ArrayList<>();
        String text = sha256.value();
        int from = 0;
        for (String part : text.split(",", -1)) {
            int lead = part.length() - part.stripLeading().length();
            String digest = part.strip();
            if (!SHA256.matcher(digest).matches()) {
                throw error(sha256.valueAt().plus(from + lead), "'" + digest + "' is not a SHA-256 digest;"
                        + " expected 64 hex digits" + (digest.isEmpty() ? " between the commas" : ""));
            }
            digests.add(digest.toLowerCase(java.util.Locale.ROOT));
            from += part.length() + 1;
        }
        return digests;
    }

    private Entry required(String key, String meaning) throws DescriptorException {
        return optional(key).orElseThrow(() -> error(Position.START, "missing required key '" + key + "' ("
                + meaning + ")"));
    }

    private Optional<Entry> optional(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    private static Entry later(Entry a, Entry b) {
        return a.keyAt().line() > b.keyAt().line() ? a : b;
    }

    private DescriptorException error(Position at, String reason) {
        return new DescriptorException(file, at.line(), at.column(), reason);
    }
}
