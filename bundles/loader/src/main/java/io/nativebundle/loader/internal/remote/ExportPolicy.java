package io.nativebundle.loader.internal.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.LibraryName;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;

/**
 * The operator's exports, the framework property {@code io.nativebundle.remote.export}: clauses
 * in the manifest header grammar,
 * <pre>
 * io.nativebundle.remote.export = math;port=9100;function-port=9200;timeout=5s, *;tenant=acme
 * </pre>
 * a library name or {@code *}, optionally only in one {@code tenant}, with the {@code port} its
 * typed service listens on (any free port by default), the {@code function-port} from which its
 * {@code NativeFunction} exports take one port each in symbol name order (each listens on its own
 * socket in Aries' TCP provider; any free ports by default) and the call {@code timeout} its endpoint
 * announces. The first clause that matches a library decides; without the property nothing is
 * exported by the operator (a bundle may still ask with {@code export=remote}).
 */
public final class ExportPolicy {

    static final String PROPERTY = NativeBundleConstants.REMOTE_EXPORT_PROPERTY;
    private static final String ANY = "*";

    /** One clause: which libraries, and how their typed service is exported. */
    public record Rule(String library, Optional<String> tenant, OptionalInt port, OptionalInt functionPort,
            Optional<Duration> timeout) {

        boolean matches(String name, String libraryTenant) {
            return (library.equals(ANY) || library.equals(name)) && tenant.map(libraryTenant::equals).orElse(true);
        }
    }

    /** No operator exports. */
    public static final ExportPolicy NONE = new ExportPolicy(List.of());

    private final List<Rule> rules;

    private ExportPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads the property's value; null or blank is {@link #NONE}.
     *
     * @throws MalformedHeaderException naming the property, the clause, what was expected and found
     */
    public static ExportPolicy parse(String text) throws MalformedHeaderException {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (HeaderClause clause : ManifestHeader.parse(PROPERTY, text)) {
            rules.add(rule(PROPERTY, clause));
        }
        return new ExportPolicy(rules);
    }

    /**
     * One clause read by the rules of this property; {@code source} names where it comes from in
     * every problem (the property, or a configuration of {@link ExportConfigurations}).
     */
    static Rule rule(String source, HeaderClause clause) throws MalformedHeaderException {
        ClauseValues values = new ClauseValues(source, clause);
        String library = clause.name().strip();
        if (clause.paths().size() != 1) {
            throw values.problem("expected one library name or * but found " + String.join(";", clause.paths()));
        }
        if (!library.equals(ANY)) {
            Optional<String> problem = LibraryName.problem(library);
            if (problem.isPresent()) {
                throw values.problem(problem.get() + " (or * for every library)");
            }
        }
        return new Rule(library, values.tenant(), values.port(), values.functionPort(), values.timeout());
    }

    /** The first clause that exports library {@code name} of {@code tenant}. */
    public Optional<Rule> rule(String name, String tenant) {
        return rules.stream().filter(r -> r.matches(name, tenant)).findFirst();
    }
}
