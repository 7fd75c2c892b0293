package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.framework.VersionRange;

import io.nativebundle.contract.Amounts;
import io.nativebundle.contract.CIdentifier;
import io.nativebundle.contract.CallbackType;
import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.HostFileName;
import io.nativebundle.contract.Isolation;
import io.nativebundle.contract.IsolationSettings;
import io.nativebundle.contract.LibraryName;
import io.nativebundle.contract.OsgiVersion;
import io.nativebundle.contract.OsgiVersionRange;
import io.nativebundle.contract.RemoteExport;
import io.nativebundle.contract.Sha256;
import io.nativebundle.contract.SignatureException;
import io.nativebundle.contract.SignatureParser;
import io.nativebundle.contract.StructLayout;
import io.nativebundle.contract.TenantId;
import io.nativebundle.wrap.DescriptorException;

/**
 * Gives the lines of a descriptor their meaning: the top-level keys, the {@code [symbols]},
 * {@code [variables]}, {@code [timeouts]}, {@code [structs]} and {@code [callbacks]} sections, and the rules between keys. The first problem ends the parse,
 * with its line and column. Library names, tenant ids, host file names, digests, versions and
 * signatures follow the contract's rules, the ones the loader applies to the bundle written from
 * the descriptor; only where a value sits in the file is this parser's own business.
 *
 * <p>Over 300 lines on purpose: the descriptor's sections ({@code [symbols]}, {@code [variables]},
 * {@code [structs]}, {@code [callbacks]}, {@code [timeouts]}) refer to each other by name, and
 * every error must carry the file, line and column of the one text being read; the grammars of
 * the values themselves live in the contract.
 */
final class DescriptorParser {

    static final String SYMBOLS = "symbols";
    static final String VARIABLES = "variables";
    static final String TIMEOUTS = "timeouts";
    static final String STRUCTS = "structs";
    static final String CALLBACKS = "callbacks";
    static final List<String> KEYS = List.of("library", "version", "tenant", "file", "system", "version-symbol", "sha256",
            Headers.ATTR_ISOLATION, Headers.ATTR_TIMEOUT, Headers.ATTR_MAX_ADDRESS_SPACE, Headers.ATTR_MAX_CPU_TIME,
            Headers.ATTR_EXPORT, Headers.ATTR_LEAF);

    private final Path file;
    private final Map<String, Entry> keys = new LinkedHashMap<>();
    private final Map<String, Position> symbolNames = new HashMap<>();
    private final Map<String, Position> sections = new HashMap<>();
    private final List<SymbolEntry> functions = new ArrayList<>();
    private final List<SymbolEntry> variables = new ArrayList<>();
    private final List<Entry> timeouts = new ArrayList<>();
    /** The [structs] in declaration order; a struct may use those declared before it. */
    private final Map<String, StructLayout> structs = new LinkedHashMap<>();
    private final Map<String, Position> structNames = new HashMap<>();
    /** The [callbacks]: types of function pointers C calls back, which [symbols] may name. */
    private final Map<String, CallbackType> callbacks = new LinkedHashMap<>();
    private final Map<String, Position> callbackNames = new HashMap<>();
    /** The [symbols] entries, parsed when the whole file is read, so they may name any struct of [structs]. */
    private final List<Entry> functionEntries = new ArrayList<>();

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
        if (!name.equals(SYMBOLS) && !name.equals(VARIABLES) && !name.equals(TIMEOUTS) && !name.equals(STRUCTS)
                && !name.equals(CALLBACKS)) {
            throw error(line.at(), "unknown section [" + name + "]; expected [" + SYMBOLS + "], [" + VARIABLES + "], ["
                    + TIMEOUTS + "], [" + STRUCTS + "] or [" + CALLBACKS + "]");
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
                    + (CIdentifier.isValid(entry.key()) ? ", or a symbol under [symbols]" : ""));
        }
        Entry earlier = keys.putIfAbsent(entry.key(), entry);
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate key '" + entry.key() + "'; it is already set on line "
                    + earlier.keyAt().line());
        }
    }

    private void symbol(String section, Entry entry) throws DescriptorException {
        if (section.equals(TIMEOUTS)) {
            timeouts.add(entry);
            return;
        }
        if (section.equals(STRUCTS)) {
            struct(entry);
            return;
        }
        if (section.equals(CALLBACKS)) {
            callback(entry);
            return;
        }
        String name = entry.key();
        if (!CIdentifier.isValid(name)) {
            throw error(entry.keyAt(), "'" + name + "' is not a C symbol name; expected letters, digits and '_',"
                    + " not starting with a digit");
        }
        Position earlier = symbolNames.putIfAbsent(name, entry.keyAt());
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate symbol '" + name + "'; it is already declared on line "
                    + earlier.line());
        }
        try {
            if (section.equals(SYMBOLS)) {
                functionEntries.add(entry);
            } else {
                variables.add(new SymbolEntry(DeclaredSymbol.variable(name,
                        SignatureParser.variableType(entry.value())), entry.keyAt()));
            }
        } catch (SignatureException e) {
            throw error(at(entry.valueAt(), e), e.reason());
        }
    }

    /** {@code div_t = { quot: int, rem: int }}: a struct of the contract's layout grammar, by name. */
    private void struct(Entry entry) throws DescriptorException {
        String name = entry.key();
        Position earlier = structNames.putIfAbsent(name, entry.keyAt());
        if (earlier == null && callbackNames.containsKey(name)) {
            throw error(entry.keyAt(), "struct '" + name + "' has the name of the callback declared on line "
                    + callbackNames.get(name).line() + "; a type name means one type");
        }
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate struct '" + name + "'; it is already declared on line "
                    + earlier.line());
        }
        try {
            structs.put(name, SignatureParser.struct(name, entry.value(), Map.copyOf(structs)));
        } catch (SignatureException e) {
            // an error about the name itself points at the key, every other at its place in the value
            throw error(e.reason().startsWith("struct name '") ? entry.keyAt() : at(entry.valueAt(), e), e.reason());
        }
    }

    /** {@code comparator = (pointer, pointer)int}: a callback type of the contract's grammar, by name. */
    private void callback(Entry entry) throws DescriptorException {
        String name = entry.key();
        Position earlier = callbackNames.putIfAbsent(name, entry.keyAt());
        if (earlier == null && structNames.containsKey(name)) {
            throw error(entry.keyAt(), "callback '" + name + "' has the name of the struct declared on line "
                    + structNames.get(name).line() + "; a type name means one type");
        }
        if (earlier != null) {
            throw error(entry.keyAt(), "duplicate callback '" + name + "'; it is already declared on line "
                    + earlier.line());
        }
        try {
            callbacks.put(name, SignatureParser.callback(name, entry.value()));
        } catch (SignatureException e) {
            throw error(e.reason().startsWith("callback name '") ? entry.keyAt() : at(entry.valueAt(), e), e.reason());
        }
    }

    /** The [symbols] functions, with every struct of [structs] and callback of [callbacks] known. */
    private void functions() throws DescriptorException {
        for (Entry entry : functionEntries) {
            try {
                functions.add(new SymbolEntry(DeclaredSymbol.function(entry.key(),
                        SignatureParser.parse(entry.value(), structs, callbacks)), entry.keyAt()));
            } catch (SignatureException e) {
                throw error(at(entry.valueAt(), e), e.reason());
            }
        }
    }

    /** Where in the descriptor the grammar's error is: its line and column counted from the value's start. */
    private static Position at(Position value, SignatureException e) {
        return e.line() == 1 ? value.plus(e.column() - 1) : new Position(value.line() + e.line() - 1, e.column());
    }

    private Descriptor build() throws DescriptorException {
        functions();
        Entry library = required("library", "the library name, e.g. library = foo");
        Entry version = required("version", "the library version, e.g. version = 1.2.0");
        Optional<String> badName = LibraryName.problem(library.value());
        if (badName.isPresent()) {
            throw error(library.valueAt(), badName.get());
        }
        Optional<Entry> system = optional("system");
        Optional<Entry> libraryFile = optional("file");
        if (system.isPresent() && libraryFile.isPresent()) {
            Entry later = later(system.get(), libraryFile.get());
            throw error(later.keyAt(), "'file' and 'system' exclude each other: a library is either next to the"
                    + " descriptor or on the host");
        }
        if (libraryFile.isPresent() && (libraryFile.get().value().contains("/")
                || libraryFile.get().value().contains("\\") || libraryFile.get().value().startsWith("."))) {
            throw error(libraryFile.get().valueAt(), "'" + libraryFile.get().value() + "' must be a plain file name,"
                    + " without a folder");
        }
        if (system.isPresent()) {
            Optional<String> badFile = HostFileName.problem(system.get().value());
            if (badFile.isPresent()) {
                throw error(system.get().valueAt(), "'" + system.get().value() + "' " + badFile.get());
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
        if (versionSymbol.isPresent() && !CIdentifier.isValid(versionSymbol.get().value())) {
            throw error(versionSymbol.get().valueAt(), "'" + versionSymbol.get().value() + "' is not a C symbol name");
        }
        Optional<Entry> tenant = optional("tenant");
        if (tenant.isPresent()) {
            Optional<String> problem = TenantId.problem(tenant.get().value());
            if (problem.isPresent()) {
                throw error(tenant.get().valueAt(), problem.get());
            }
        }
        List<SymbolEntry> symbols = new ArrayList<>(withLeaves(withTimeouts(functions)));
        symbols.addAll(variables);
        return new Descriptor(file, library, version, range(version, system.isPresent()), tenant, libraryFile, system,
                versionSymbol, sha256.isPresent() ? digests(sha256.get()) : List.of(), symbols, isolation(),
                export());
    }

    /** {@code export = remote} or {@code none}, by the contract's rule. */
    private RemoteExport export() throws DescriptorException {
        Optional<Entry> entry = optional(Headers.ATTR_EXPORT);
        if (entry.isEmpty()) {
            return RemoteExport.NONE;
        }
        return RemoteExport.of(entry.get().value()).orElseThrow(() -> error(entry.get().valueAt(), "export '"
                + entry.get().value() + "' is neither " + RemoteExport.vocabulary()));
    }

    /** {@code isolation}, {@code timeout}, {@code max-address-space}, {@code max-cpu-time}, by the contract's rules. */
    private IsolationSettings isolation() throws DescriptorException {
        Isolation isolation = Isolation.IN_PROCESS;
        Optional<Entry> mode = optional(Headers.ATTR_ISOLATION);
        if (mode.isPresent()) {
            isolation = Isolation.of(mode.get().value()).orElseThrow(() -> error(mode.get().valueAt(), "isolation '"
                    + mode.get().value() + "' is neither " + Isolation.vocabulary()));
        }
        Optional<Duration> timeout = duration(optional(Headers.ATTR_TIMEOUT));
        OptionalLong space = OptionalLong.empty();
        Optional<Entry> spaceEntry = optional(Headers.ATTR_MAX_ADDRESS_SPACE);
        if (spaceEntry.isPresent()) {
            space = Amounts.bytes(spaceEntry.get().value());
            if (space.isEmpty()) {
                throw error(spaceEntry.get().valueAt(), "'" + spaceEntry.get().value() + "' is not a size; expected "
                        + Amounts.SIZE_FORM);
            }
        }
        Optional<Entry> cpuEntry = optional(Headers.ATTR_MAX_CPU_TIME);
        Optional<Duration> cpu = duration(cpuEntry);
        if (cpu.isPresent() && (cpu.get().toMillis() < 1000 || cpu.get().toMillis() % 1000 != 0)) {
            throw error(cpuEntry.get().valueAt(), "'" + cpuEntry.get().value() + "' is not whole seconds; the CPU time"
                    + " limit of a process counts seconds, e.g. 30s");
        }
        return new IsolationSettings(isolation, timeout, space, cpu);
    }

    private Optional<Duration> duration(Optional<Entry> entry) throws DescriptorException {
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Entry e = entry.get();
        return Optional.of(Amounts.duration(e.value()).orElseThrow(() -> error(e.valueAt(), "'" + e.value()
                + "' is not a duration; expected " + Amounts.DURATION_FORM)));
    }

    /** The functions, each with its timeout of the {@code [timeouts]} section; a timeout must name a function. */
    private List<SymbolEntry> withTimeouts(List<SymbolEntry> declared) throws DescriptorException {
        Map<String, Duration> byName = new HashMap<>();
        for (Entry t : timeouts) {
            boolean function = declared.stream().anyMatch(f -> f.name().equals(t.key()));
            if (!function) {
                throw error(t.keyAt(), "'" + t.key() + "' has a timeout but is not a function under [" + SYMBOLS + "];"
                        + " only a function call can run too long");
            }
            Optional<Duration> d = duration(Optional.of(t));
            if (byName.putIfAbsent(t.key(), d.orElseThrow()) != null) {
                throw error(t.keyAt(), "duplicate timeout of '" + t.key() + "'");
            }
        }
        List<SymbolEntry> result = new ArrayList<>();
        for (SymbolEntry f : declared) {
            Duration d = byName.get(f.name());
            result.add(d == null ? f : new SymbolEntry(f.symbol().withTimeout(d), f.at()));
        }
        return result;
    }

    /**
     * The functions, those {@code leaf = add, mul} names declared leaves by the contract's rule: each
     * name a function under {@code [symbols]}, once, and none with a callback parameter.
     */
    private List<SymbolEntry> withLeaves(List<SymbolEntry> declared) throws DescriptorException {
        Optional<Entry> entry = optional(Headers.ATTR_LEAF);
        if (entry.isEmpty()) {
            return declared;
        }
        Entry e = entry.get();
        Map<String, SymbolEntry> byName = new LinkedHashMap<>();
        declared.forEach(f -> byName.put(f.name(), f));
        java.util.Set<String> leaves = new java.util.HashSet<>();
        for (String name : e.value().split(",", -1)) {
            String leaf = name.strip();
            if (!byName.containsKey(leaf)) {
                throw error(e.valueAt(), "leaf '" + leaf + "' is not a function under [" + SYMBOLS + "]; expected"
                        + " the names of functions, separated by commas: leaf = add, mul");
            }
            if (!leaves.add(leaf)) {
                throw error(e.valueAt(), "leaf '" + leaf + "' is named twice");
            }
            SymbolEntry f = byName.get(leaf);
            try {
                byName.put(leaf, new SymbolEntry(f.symbol().asLeaf(), f.at()));
            } catch (IllegalArgumentException notALeaf) {
                throw error(e.valueAt(), notALeaf.getMessage());
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * A bundled library has one version; a host library a range, or a floor ("at least"): the rule of
     * {@code NativeBundle-Library}'s {@code version}, read by the contract.
     */
    private VersionRange range(Entry version, boolean system) throws DescriptorException {
        String text = version.value();
        if (system && (text.startsWith("[") || text.startsWith("("))) {
            OsgiVersionRange range = OsgiVersionRange.parse(text).orElseThrow(() -> error(version.valueAt(),
                    "version range '" + text + "' does not parse; expected e.g. [1.2,2) or a version such as 1.2"
                            + " (meaning at least 1.2)"));
            if (range.isEmpty()) {
                throw error(version.valueAt(), "version range '" + text + "' is empty: no version can lie inside it;"
                        + " expected e.g. [1.2,2)");
            }
            return new VersionRange(range.toString());
        }
        OsgiVersion v = OsgiVersion.parse(text).orElseThrow(() -> error(version.valueAt(), "version '" + text
                + "' is not an OSGi version; expected major[.minor[.micro[.qualifier]]], e.g. 1.2.0"
                + (system ? ", or a range such as [1.2,2)" : "")));
        return new VersionRange((system ? OsgiVersionRange.atLeast(v) : OsgiVersionRange.exactly(v)).toString());
    }

    private List<String> digests(Entry sha256) throws DescriptorException {
        List<String> digests = new ArrayList<>();
        String text = sha256.value();
        int from = 0;
        for (String part : text.split(",", -1)) {
            int lead = part.length() - part.stripLeading().length();
            String digest = part.strip();
            if (!Sha256.isDigest(digest)) {
                throw error(sha256.valueAt().plus(from + lead), "'" + digest + "' is not a SHA-256 digest;"
                        + " expected 64 hex digits" + (digest.isEmpty() ? " between the commas" : ""));
            }
            digests.add(Sha256.normalize(digest));
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
