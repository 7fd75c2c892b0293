package io.nativebundle.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The grammar and rules of {@code NativeBundle-Library}, the one declaration a bundle author writes:
 * <pre>
 * NativeBundle-Library: math;version=1.2.0;interface=org.example.math.api.MathLib
 * NativeBundle-Library: z;system=libz.so.1;version="[1.2,2)";version-symbol=zlibVersion;sha256="&lt;hex&gt;,&lt;hex&gt;"
 * </pre>
 * <ul>
 * <li>exactly one clause with one name, a {@link LibraryName};</li>
 * <li>{@code version} is required: for a bundled library one exact OSGi version (its build note
 *     must agree), for a {@code system} library a non-empty range, or a version meaning "at least";</li>
 * <li>{@code interface}, if given, is a fully qualified Java name;</li>
 * <li>{@code system} is a {@link HostFileName}; {@code version-symbol} (a {@link CIdentifier}) and
 *     {@code sha256} (digests separated by commas) are for system libraries only;</li>
 * <li>{@code isolation} is {@code process} or {@code in-process}; {@code timeout} and
 *     {@code max-cpu-time} are {@link Amounts durations} ({@code max-cpu-time} whole seconds),
 *     {@code max-address-space} an {@link Amounts amount of bytes} ({@link IsolationSettings});</li>
 * <li>{@code export} is {@code remote} or {@code none} (the default, {@link RemoteExport});</li>
 * <li>other attributes are warned about, not refused, so that a newer attribute does not break an
 *     older reader.</li>
 * </ul>
 * The bnd plugin fails the build on any problem, the loader refuses the bundle with
 * {@code MALFORMED_HEADER}, and the wrapper writes only headers that pass.
 */
public final class LibraryHeader {

    private static final String H = Headers.LIBRARY;
    private static final Set<String> KNOWN = Set.of(Headers.ATTR_VERSION, Headers.ATTR_INTERFACE, Headers.ATTR_SYSTEM,
            Headers.ATTR_VERSION_SYMBOL, Headers.ATTR_SHA256, Headers.ATTR_ISOLATION, Headers.ATTR_TIMEOUT,
            Headers.ATTR_MAX_ADDRESS_SPACE, Headers.ATTR_MAX_CPU_TIME, Headers.ATTR_EXPORT);
    private static final List<String> SYSTEM_ONLY = List.of(Headers.ATTR_VERSION_SYMBOL, Headers.ATTR_SHA256);

    /**
     * The outcome of {@link #check}: the declaration when there is no problem.
     *
     * @param declaration present exactly when {@code problems} is empty
     * @param problems    every broken rule, each a full message naming the header
     * @param warnings    what is accepted but probably not meant, e.g. an unknown attribute
     */
    public record Result(Optional<LibraryDeclaration> declaration, List<String> problems, List<String> warnings) {
        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private LibraryHeader() {
    }

    /**
     * Reads the header.
     *
     * @throws MalformedHeaderException with the first problem
     */
    public static LibraryDeclaration parse(String text) throws MalformedHeaderException {
        Result r = check(text);
        if (r.declaration().isEmpty()) {
            throw new MalformedHeaderException(r.problems().get(0));
        }
        return r.declaration().get();
    }

    /** Reads the header and reports every problem, for a build that lists them all at once. */
    public static Result check(String text) {
        LibraryHeader h = new LibraryHeader();
        Optional<LibraryDeclaration> d = h.read(text);
        return new Result(h.problems.isEmpty() ? d : Optional.empty(), h.problems, h.warnings);
    }

    private Optional<LibraryDeclaration> read(String text) {
        List<HeaderClause> clauses;
        try {
            clauses = ManifestHeader.parse(H, text);
        } catch (MalformedHeaderException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
        if (clauses.size() != 1) {
            problem("expected exactly one library clause but found " + clauses.size() + " in '" + text + "'");
            return Optional.empty();
        }
        HeaderClause clause = clauses.get(0);
        String name = clause.name();
        if (clause.paths().size() > 1) {
            problem("expected one library name but found " + clause.paths().size() + ": "
                    + String.join(";", clause.paths()));
        }
        LibraryName.problem(name).ifPresent(this::problem);
        for (String key : clause.attributes().keySet()) {
            if (!KNOWN.contains(key)) {
                warnings.add(H + ": unknown attribute '" + key + "' of library '" + name
                        + "' is ignored (known: version, interface, system, version-symbol, sha256, isolation,"
                        + " timeout, max-address-space, max-cpu-time, export)");
            }
        }
        Optional<String> interfaceName = clause.attribute(Headers.ATTR_INTERFACE).map(String::strip);
        interfaceName.filter(i -> !JavaName.isQualifiedName(i)).ifPresent(i ->
                problem("interface '" + i + "' of library '" + name + "' is not a fully qualified Java class name"));
        Optional<String> system = clause.attribute(Headers.ATTR_SYSTEM);
        system.ifPresent(s -> HostFileName.problem(s).ifPresent(p ->
                problem("system=" + s.strip() + " of library '" + name + "' " + p)));
        OsgiVersionRange range = system.isPresent() ? hostRange(name, clause) : exactVersion(name, clause);
        for (String key : SYSTEM_ONLY) {
            if (clause.attribute(key).isPresent() && system.isEmpty()) {
                problem(key + "= applies to a system library only; library '" + name + "' has no system=");
            }
        }
        Optional<String> versionSymbol = clause.attribute(Headers.ATTR_VERSION_SYMBOL).map(String::strip);
        versionSymbol.filter(v -> !CIdentifier.isValid(v)).ifPresent(v -> problem("version-symbol '" + v
                + "' of library '" + name + "' is not a C identifier; expected the name of a function like zlibVersion"));
        List<String> sha256 = digests(name, clause);
        IsolationSettings isolation = isolation(name, clause);
        RemoteExport export = clause.attribute(Headers.ATTR_EXPORT).map(value -> RemoteExport.of(value).orElseGet(() -> {
            problem("export '" + value.strip() + "' of library '" + name + "' is neither " + RemoteExport.vocabulary());
            return RemoteExport.NONE;
        })).orElse(RemoteExport.NONE);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LibraryDeclaration(name, range, interfaceName, system.map(String::strip),
                versionSymbol, sha256, isolation).withExport(export));
    }

    /** {@code isolation}, {@code timeout} and the limits; null after a problem. */
    private IsolationSettings isolation(String name, HeaderClause clause) {
        int before = problems.size();
        Isolation isolation = clause.attribute(Headers.ATTR_ISOLATION).map(text -> Isolation.of(text).orElseGet(() -> {
            problem("isolation '" + text.strip() + "' of library '" + name + "' is neither " + Isolation.vocabulary());
            return Isolation.IN_PROCESS;
        })).orElse(Isolation.IN_PROCESS);
        Optional<Duration> timeout = duration(name, clause, Headers.ATTR_TIMEOUT);
        OptionalLong addressSpace = OptionalLong.empty();
        Optional<String> space = clause.attribute(Headers.ATTR_MAX_ADDRESS_SPACE);
        if (space.isPresent()) {
            addressSpace = Amounts.bytes(space.get());
            if (addressSpace.isEmpty()) {
                problem(Headers.ATTR_MAX_ADDRESS_SPACE + " '" + space.get().strip() + "' of library '" + name
                        + "' is not a size; expected " + Amounts.SIZE_FORM);
            }
        }
        Optional<Duration> cpu = duration(name, clause, Headers.ATTR_MAX_CPU_TIME);
        cpu.filter(c -> c.toMillis() < 1000 || c.toMillis() % 1000 != 0).ifPresent(c -> problem(
                Headers.ATTR_MAX_CPU_TIME + " '" + Amounts.format(c) + "' of library '" + name + "' is not whole"
                        + " seconds; the CPU time limit of a process counts seconds, e.g. 30s"));
        if (problems.size() > before) {
            return null;
        }
        IsolationSettings settings = new IsolationSettings(isolation, timeout, addressSpace, cpu);
        if (isolation == Isolation.IN_PROCESS && (timeout.isPresent() || addressSpace.isPresent() || cpu.isPresent())) {
            warnings.add(H + ": timeout and limits of library '" + name + "' apply only when it runs out of process"
                    + " (isolation=process, or a tenant's policy); in process they have no effect");
        }
        return settings;
    }

    private Optional<Duration> duration(String name, HeaderClause clause, String key) {
        Optional<String> text = clause.attribute(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = Amounts.duration(text.get());
        if (d.isEmpty()) {
            problem(key + " '" + text.get().strip() + "' of library '" + name + "' is not a duration; expected "
                    + Amounts.DURATION_FORM);
        }
        return d;
    }

    /** A bundled library is one build, so that its build note can be compared with the header. */
    private OsgiVersionRange exactVersion(String name, HeaderClause clause) {
        Optional<String> text = clause.attribute(Headers.ATTR_VERSION).map(String::strip).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            problem("library '" + name + "' has no version; write " + name + ";version=1.0.0");
            return null;
        }
        Optional<OsgiVersion> version = OsgiVersion.parse(text.get());
        if (version.isEmpty()) {
            problem("version '" + text.get() + "' of library '" + name + "' is not an OSGi version; expected"
                    + " major.minor.micro, e.g. 1.2.0 (a bundled library is one exact build)");
            return null;
        }
        return OsgiVersionRange.exactly(version.get());
    }

    /** A plain version of a system library is a range with only a floor: "1.2" accepts 1.2 and later. */
    private OsgiVersionRange hostRange(String name, HeaderClause clause) {
        Optional<String> text = clause.attribute(Headers.ATTR_VERSION).map(String::strip).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            problem("system library '" + name + "' has no version; expected a range of the host versions it"
                    + " accepts, e.g. version=\"[1.2,2)\"");
            return null;
        }
        Optional<OsgiVersionRange> range = OsgiVersionRange.parse(text.get());
        if (range.isEmpty()) {
            problem("version '" + text.get() + "' of system library '" + name + "' is neither an OSGi version range"
                    + " like [1.2,2) nor a version like 1.2");
            return null;
        }
        if (range.get().isEmpty()) {
            problem("version range '" + text.get() + "' of system library '" + name + "' is empty: no version can"
                    + " lie inside it; expected e.g. [1.2,2)");
            return null;
        }
        return range.get();
    }

    private List<String> digests(String name, HeaderClause clause) {
        List<String> digests = new ArrayList<>();
        Optional<String> text = clause.attribute(Headers.ATTR_SHA256);
        if (text.isEmpty()) {
            return digests;
        }
        for (String part : text.get().split(",", -1)) {
            String digest = part.strip();
            if (!Sha256.isDigest(digest)) {
                problem("sha256 '" + digest + "' of library '" + name + "' is not a SHA-256; expected 64 hex digits,"
                        + " several separated by commas");
                return digests;
            }
            digests.add(Sha256.normalize(digest));
        }
        return digests;
    }

    private void problem(String message) {
        problems.add(H + ": " + message);
    }
}
