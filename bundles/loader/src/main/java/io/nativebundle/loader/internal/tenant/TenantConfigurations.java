package io.nativebundle.loader.internal.tenant;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.TenantId;

/**
 * The tenants' policies from Config Admin: a {@link ManagedServiceFactory} for the factory PID
 * {@code io.nativebundle.tenant}. Each configuration names its tenant ({@code tenant=acme}) and
 * sets keys without the {@code io.nativebundle.tenant.<t>.} prefix ({@code max-libraries=5},
 * {@code trust.keystore=/etc/acme.p12}); they override the framework properties of that tenant
 * from the next load on. Deleting the configuration takes its keys away.
 *
 * <p>Only this class names Config Admin's API, whose import is optional: without Config Admin the
 * loader runs on framework properties alone ({@link #register}).
 */
final class TenantConfigurations implements ManagedServiceFactory {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    /** Properties Config Admin and FileInstall add to every configuration: not policy keys. */
    private static final Set<String> NOT_KEYS = Set.of(Constants.SERVICE_PID,
            ConfigurationAdminNames.FACTORY_PID, ConfigurationAdminNames.BUNDLE_LOCATION,
            ConfigurationAdminNames.FILEINSTALL_FILENAME, NativeBundleConstants.TENANT_POLICY_TENANT);

    private final TenantPolicies policies;
    private final BiConsumer<String, String> applied;

    /** @param applied told {@code (tenant, what changed)} after each change, e.g. to post an event */
    TenantConfigurations(TenantPolicies policies, BiConsumer<String, String> applied) {
        this.policies = policies;
        this.applied = applied;
    }

    /**
     * Registers the factory when Config Admin's package is wired to the loader.
     *
     * @return the registration, empty without Config Admin
     */
    static Optional<ServiceRegistration<?>> register(BundleContext context, TenantPolicies policies,
                                                     BiConsumer<String, String> applied) {
        try {
            Class.forName("org.osgi.service.cm.ManagedServiceFactory", false, TenantConfigurations.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "nativebundle: no Config Admin; tenant policies come from framework properties only");
            return Optional.empty();
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, NativeBundleConstants.TENANT_POLICY_PID);
        properties.put(Constants.SERVICE_DESCRIPTION, "nativebundle: tenant policies (quotas, trust, ...)");
        return Optional.of(context.registerService(ManagedServiceFactory.class.getName(),
                new TenantConfigurations(policies, applied), properties));
    }

    @Override
    public String getName() {
        return "nativebundle tenant policies";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        Object tenant = properties.get(NativeBundleConstants.TENANT_POLICY_TENANT);
        if (!(tenant instanceof String id) || TenantId.problem(id).isPresent()) {
            String problem = tenant instanceof String id ? TenantId.problem(id).get() : "it is missing";
            LOG.log(Level.WARNING, "nativebundle: tenant policy " + pid + " is ignored: its key '"
                    + NativeBundleConstants.TENANT_POLICY_TENANT + "' must name a tenant, and " + problem);
            policies.remove(pid).ifPresent(before -> applied.accept(before, "policy " + pid + " removed"));
            throw new ConfigurationException(NativeBundleConstants.TENANT_POLICY_TENANT, problem);
        }
        Map<String, String> keys = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!NOT_KEYS.contains(key)) {
                keys.put(key, String.valueOf(properties.get(key)));
            }
        }
        policies.configure(pid, id, keys).ifPresent(before -> applied.accept(before, "policy " + pid + " moved to " + id));
        LOG.log(Level.INFO, "nativebundle: tenant policy " + pid + " for '" + id + "': " + redacted(keys));
        applied.accept(id, "policy " + pid + " set " + redacted(keys).keySet());
    }

    @Override
    public void deleted(String pid) {
        policies.remove(pid).ifPresent(tenant -> {
            LOG.log(Level.INFO, "nativebundle: tenant policy " + pid + " of '" + tenant + "' deleted");
            applied.accept(tenant, "policy " + pid + " deleted");
        });
    }

    /** The keys with the values of passwords hidden, for the log. */
    private static Map<String, String> redacted(Map<String, String> keys) {
        Map<String, String> shown = new TreeMap<>(keys);
        shown.replaceAll((key, value) -> key.endsWith("password") ? "****" : value);
        return shown;
    }

    /** Names of Config Admin's own properties, spelled out so this class needs no more of its API. */
    private static final class ConfigurationAdminNames {
        static final String FACTORY_PID = "service.factoryPid";
        static final String BUNDLE_LOCATION = "service.bundleLocation";
        static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    }
}
