package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;

import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.MalformedHeaderException;

/**
 * The operator's exports through Config Admin: a {@link ManagedServiceFactory} for the factory PID
 * {@code io.nativebundle.remote.export} (the framework property's name). Each configuration is one
 * clause of that property as keys: {@code library} (a library name or {@code *}, required), and
 * optionally {@code tenant}, {@code port} and {@code timeout}, read by the same rules. It applies
 * from the next load on; deleting it takes it away (libraries loaded meanwhile keep their exports
 * until they load again).
 *
 * <p>Only this class names Config Admin's API, whose import is optional.
 */
public final class ExportConfigurations implements ManagedServiceFactory {

    /** The factory PID: the framework property's name. */
    public static final String FACTORY_PID = ExportPolicy.PROPERTY;
    static final String LIBRARY = "library";
    private static final Set<String> KEYS = Set.of(LIBRARY, ClauseValues.TENANT, ClauseValues.PORT, ClauseValues.FUNCTION_PORT,
            ClauseValues.TIMEOUT);
    /** Config Admin's and FileInstall's own keys, spelled out so this class needs no more of their API. */
    private static final Set<String> ADMIN_KEYS = Set.of(Constants.SERVICE_PID, "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename");

    /** The tenant an event names for a configuration that applies to every tenant. */
    static final String ANY_TENANT = "*";

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final ConfiguredExports exports;
    private final BiConsumer<String, String> applied;

    /**
     * @param applied told {@code (tenant or *, what changed)} after each change, to post
     *                {@code io/nativebundle/POLICY}
     */
    ExportConfigurations(ConfiguredExports exports, BiConsumer<String, String> applied) {
        this.exports = exports;
        this.applied = applied;
    }

    /** Registers the factory; call only when Config Admin's package is wired to the loader. */
    public static ServiceRegistration<?> register(BundleContext context, ConfiguredExports exports,
            BiConsumer<String, String> applied) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, FACTORY_PID);
        properties.put(Constants.SERVICE_DESCRIPTION, "nativebundle: libraries exported through Remote Services");
        return context.registerService(ManagedServiceFactory.class.getName(), new ExportConfigurations(exports, applied),
                properties);
    }

    @Override
    public String getName() {
        return "nativebundle remote exports";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        String source = "configuration " + pid + " of " + FACTORY_PID;
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        String library = null;
        for (String key : Collections.list(properties.keys())) {
            if (ADMIN_KEYS.contains(key)) {
                continue;
            }
            String value = String.valueOf(properties.get(key)).strip();
            if (!KEYS.contains(key)) {
                throw refused(pid, key, source + ": unknown key '" + key + "'; expected " + LIBRARY + ", "
                        + ClauseValues.TENANT + ", " + ClauseValues.PORT + ", " + ClauseValues.FUNCTION_PORT + " or "
                        + ClauseValues.TIMEOUT);
            }
            if (key.equals(LIBRARY)) {
                library = value;
            } else {
                attributes.put(key, List.of(value));
            }
        }
        if (library == null || library.isEmpty()) {
            throw refused(pid, LIBRARY, source + ": no " + LIBRARY + "; expected a library name or *, e.g. "
                    + LIBRARY + "=math");
        }
        try {
            ExportPolicy.Rule rule = ExportPolicy.rule(source, new HeaderClause(List.of(library), attributes, Map.of()));
            exports.put(pid, rule);
            String what = source + " exports " + describe(rule) + " from the next load on";
            LOG.log(Level.INFO, "nativebundle: " + what);
            applied.accept(rule.tenant().orElse(ANY_TENANT), what);
        } catch (MalformedHeaderException e) {
            throw refused(pid, null, e.getMessage());
        }
    }

    @Override
    public void deleted(String pid) {
        Optional<String> tenant = exports.remove(pid);
        String what = "configuration " + pid + " of " + FACTORY_PID + " deleted; it exports nothing from the next"
                + " load on";
        LOG.log(Level.INFO, "nativebundle: " + what);
        applied.accept(tenant.orElse(ANY_TENANT), what);
    }

    private ConfigurationException refused(String pid, String key, String problem) {
        exports.refuse(pid, problem);
        LOG.log(Level.ERROR, "nativebundle: " + problem + "; it exports nothing");
        applied.accept(ANY_TENANT, problem + "; it exports nothing");
        return new ConfigurationException(key, problem);
    }

    private static String describe(ExportPolicy.Rule rule) {
        return (rule.library().equals("*") ? "every library" : "library '" + rule.library() + "'")
                + rule.tenant().map(t -> " of tenant '" + t + "'").orElse("")
                + (rule.port().isPresent() ? " on port " + rule.port().getAsInt() : "")
                + (rule.functionPort().isPresent() ? ", its functions from port " + rule.functionPort().getAsInt() : "")
                + rule.timeout().map(t -> " with a timeout of " + t.toMillis() + " ms").orElse("");
    }
}
