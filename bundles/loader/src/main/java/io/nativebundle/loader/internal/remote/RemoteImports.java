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
import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.JavaName;
import io.nativebundle.contract.LibraryName;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;

/**
 * The libraries this framework imports, the framework property {@code io.nativebundle.remote.import}:
 * clauses in the manifest header grammar,
 * <pre>
 * io.nativebundle.remote.import = math;interface=io.nativebundle.examples.math.MathLib;endpoint=tcp://127.0.0.1:9100;timeout=5s
 * </pre>
 * the library, the typed interface it is used through, the exporting framework's endpoint, and
 * optionally the {@code tenant} the imported service belongs to ({@code default}), the call
 * {@code timeout} (30 s) and the exporting {@code framework}'s id. Each becomes one endpoint of
 * Aries RSA's static config discovery ({@link Import#description}).
 */
public final class RemoteImports {

    static final String PROPERTY = NativeBundleConstants.REMOTE_IMPORT_PROPERTY;
    static final String INTERFACE = "interface";
    static final String ENDPOINT = "endpoint";
    static final String FRAMEWORK = "framework";
    /** A call that gets no answer within this fails with NativeRemoteCallException, unless the import says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Marks the Config Admin configurations the loader wrote, so that it replaces only its own. */
    static final String MARK = "nativebundle.remote.import";

    /** One import. */
    public record Import(String library, String interfaceName, String endpoint, String tenant, Duration timeout,
            Optional<String> framework) {

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
            if (imports.stream().anyMatch(i -> i.library().equals(library))) {
                throw values.problem("library '" + library + "' is imported twice");
            }
            String type = values.required(INTERFACE, "org.example.MathLib");
            if (!JavaName.isQualifiedName(type)) {
                throw values.problem("interface '" + type + "' is not a fully qualified Java class name");
            }
            String endpoint = endpoint(values, values.required(ENDPOINT, "tcp://127.0.0.1:9100"));
            imports.add(new Import(library, type, endpoint,
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

    /** The import of library {@code name}. */
    public Optional<Import> of(String name) {
        return imports.stream().filter(i -> i.library().equals(name)).findFirst();
    }
}
