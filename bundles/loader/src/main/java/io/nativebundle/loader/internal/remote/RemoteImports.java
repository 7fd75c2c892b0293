package io.nativebundle.loader.internal.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.contract.CIdentifier;
import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.JavaName;
import io.nativebundle.contract.LibraryName;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;

/**
 * The libraries this framework imports, the framework property {@code io.nativebundle.remote.import}:
 * clauses in the manifest header grammar,
 * <pre>
 * io.nativebundle.remote.import = math;interface=io.nativebundle.examples.math.MathLib;endpoint=tcp://127.0.0.1:9100;timeout=5s,
 *     c;symbol=div;endpoint=tcp://127.0.0.1:9200
 * </pre>
 * the library, the typed interface it is used through (or the {@code symbol} of one of its
 * {@code NativeFunction} services, each of which has an endpoint of its own), the exporting
 * framework's endpoint, and
 * optionally the {@code tenant} the imported service belongs to ({@code default}), the call
 * {@code timeout} (30 s) and the exporting {@code framework}'s id. Each becomes one endpoint of
 * Aries RSA's static config discovery ({@link Import#description}).
 */
public final class RemoteImports {

    static final String PROPERTY = NativeBundleConstants.REMOTE_IMPORT_PROPERTY;
    static final String INTERFACE = "interface";
    static final String SYMBOL = "symbol";
    private static final String FUNCTION = NativeFunction.class.getName();
    static final String ENDPOINT = "endpoint";
    static final String FRAMEWORK = "framework";
    /** A call that gets no answer within this fails with NativeRemoteCallException, unless the import says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Marks the Config Admin configurations the loader wrote, so that it replaces only its own. */
    static final String MARK = "nativebundle.remote.import";

    /** One import. */
    public record Import(String library, Optional<String> symbol, String interfaceName, String endpoint,
            String tenant, Duration timeout, Optional<String> framework) {

        /**
         * The endpoint description Aries RSA's config discovery announces: what the exporting
         * framework's endpoint says about itself, plus the tenant this framework puts it in.
         */
        public Map<String, Object> description() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("objectClass", new String[] {interfaceName});
            p.put(RemoteProperties.ENDPOINT_ID, endpoint);
            p.put(RemoteProperties.SERVICE_IMPORTED_CONFIGS, RemoteProperties.ARIES_TCP);
            p.put(RemoteProperties.BASIC_TIMEOUT, String.valueOf(timeout.toMillis()));
            framework.ifPresent(f -> p.put(RemoteProperties.ENDPOINT_FRAMEWORK_UUID, f));
            p.put(NativeBundleConstants.LIBRARY, library);
            symbol.ifPresent(s -> p.put(NativeBundleConstants.SYMBOL, s));
            p.put(MARK, library);
            return p;
        }
    }

    private final List<Import> imports;

    private RemoteImports(List<Import> imports) {
        this.imports = List.copyOf(imports);
    }

    /** No imports. */
    public static final RemoteImports NONE = new RemoteImports(List.of());

    /**
     * Reads the property's value; null or blank is {@link #NONE}.
     *
     * @throws MalformedHeaderException naming the property, the clause, what was expected and found
     */
    public static RemoteImports parse(String text) throws MalformedHeaderException {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Import> imports = new ArrayList<>();
        for (HeaderClause clause : ManifestHeader.parse(PROPERTY, text)) {
            ClauseValues values = new ClauseValues(PROPERTY, clause);
            String library = clause.name().strip();
            Optional<String> problem = LibraryName.problem(library);
            if (problem.isPresent() || clause.paths().size() != 1) {
                throw values.problem(problem.orElse("expected one library name but found "
                        + String.join(";", clause.paths())));
            }
            Optional<String> symbol = clause.attribute(SYMBOL).map(String::strip);
            if (symbol.isPresent() && !CIdentifier.isValid(symbol.get())) {
                throw values.problem("symbol '" + symbol.get() + "' is not a C function name");
            }
            if (imports.stream().anyMatch(i -> i.library().equals(library) && i.symbol().equals(symbol))) {
                throw values.problem(symbol.map(s -> "function " + s + " of ").orElse("") + "library '" + library
                        + "' is imported twice");
            }
            String type = symbol.isPresent() ? clause.attribute(INTERFACE).map(String::strip).orElse(FUNCTION)
                    : values.required(INTERFACE, "org.example.MathLib");
            if (!JavaName.isQualifiedName(type)) {
                throw values.problem("interface '" + type + "' is not a fully qualified Java class name");
            }
            if (symbol.isPresent() && !type.equals(FUNCTION)) {
                throw values.problem("symbol=" + symbol.get() + " imports a " + FUNCTION + ", but interface is "
                        + type);
            }
            String endpoint = endpoint(values, values.required(ENDPOINT, "tcp://127.0.0.1:9100"));
            imports.add(new Import(library, symbol, type, endpoint,
                    values.tenant().orElse(NativeBundleConstants.DEFAULT_TENANT),
                    values.timeout().orElse(DEFAULT_TIMEOUT),
                    clause.attribute(FRAMEWORK).map(String::strip).filter(f -> !f.isEmpty())));
        }
        return new RemoteImports(imports);
    }

    /** {@code tcp://host:port}, what Aries RSA's TCP provider calls; anything else is refused here, not at the first call. */
    private static String endpoint(ClauseValues values, String text) throws MalformedHeaderException {
        try {
            URI uri = new URI(text);
            if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0
                    && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw values.problem("endpoint '" + text + "' is not tcp://<host>:<port>, the address of an export of"
                + " Aries RSA's TCP provider");
    }

    public List<Import> imports() {
        return imports;
    }

    /**
     * The import of function {@code symbol} of library {@code name} (of its typed service when
     * {@code symbol} is empty), or else the first import of that library: what an endpoint that
     * another discovery announced for that library belongs to.
     */
    public Optional<Import> of(String name, Optional<String> symbol) {
        return imports.stream().filter(i -> i.library().equals(name) && i.symbol().equals(symbol)).findFirst()
                .or(() -> imports.stream().filter(i -> i.library().equals(name)).findFirst());
    }
}
