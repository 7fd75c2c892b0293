package io.nativebundle.loader.internal.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.loader.internal.trust.TrustSettings;

/**
 * Everything the runtime is told about one tenant, read in one place: its quotas, its trust store
 * and any other per-tenant key. A key comes from the tenant's Config Admin configuration (factory
 * PID {@code io.nativebundle.tenant}) when that sets it, else from the framework property
 * {@code io.nativebundle.tenant.<t>.<key>}. A policy is a snapshot: the loader asks for a new one at
 * each load, so a changed configuration applies to the next install without a restart.
 *
 * <pre>{@code
 * TenantPolicy acme = tenants.policy("acme");
 * Optional<String> isolation = acme.value("isolation");   // any key, without the prefix
 * String from = acme.source("isolation");                  // io.nativebundle.tenant.acme.isolation, or the configuration
 * }</pre>
 */
public final class TenantPolicy {

    /** The prefix of the trust keys of a tenant: {@code trust.keystore}, {@code trust.certificates}, ... */
    public static final String TRUST = "trust.";

    private final String tenant;
    private final Map<String, String> configured;
    private final String configuration;
    private final Function<String, String> framework;

    /**
     * @param configured    the keys of the tenant's Config Admin configuration; empty without one
     * @param configuration names that configuration in messages, e.g. its PID
     * @param framework     the framework properties
     */
    TenantPolicy(String tenant, Map<String, String> configured, String configuration,
                 Function<String, String> framework) {
        this.tenant = tenant;
        this.configured = Map.copyOf(configured);
        this.configuration = configuration;
        this.framework = framework;
    }

    public String tenant() {
        return tenant;
    }

    /** The value of a per-tenant key, e.g. {@code max-libraries}; empty when neither source sets it. */
    public Optional<String> value(String key) {
        String value = configured.get(key);
        if (value == null) {
            value = framework.apply(property(key));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Where {@link #value} comes from, for messages: the framework property, or the configuration and its key. */
    public String source(String key) {
        return configured.containsKey(key) ? key + " of the Config Admin configuration " + configuration : property(key);
    }

    /**
     * The trust store the tenant's native bundles must be signed for: the tenant's own
     * ({@code trust.keystore} or {@code trust.certificates} set for it) replaces the runtime's
     * ({@code io.nativebundle.trust.*}); empty when neither is set.
     */
    public Optional<TrustSettings> trust() {
        Optional<TrustSettings> own = TrustSettings.read(key -> value(key.substring(property("").length())).orElse(null),
                property(TRUST));
        return own.isPresent() ? own : TrustSettings.read(framework, TRUST_PREFIX);
    }

    /** The runtime's trust keys: {@code io.nativebundle.trust.keystore} and the rest. */
    static final String TRUST_PREFIX = "io.nativebundle.trust.";

    /** The framework property of a key of this tenant: {@code io.nativebundle.tenant.<t>.<key>}. */
    String property(String key) {
        return NativeBundleConstants.TENANT_PROPERTY_PREFIX + tenant + "." + key;
    }

    /** The framework properties, for the defaults of every tenant. */
    Function<String, String> framework() {
        return framework;
    }
}
