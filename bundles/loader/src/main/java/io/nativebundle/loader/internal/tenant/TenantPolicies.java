package io.nativebundle.loader.internal.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The policies of all tenants: the framework properties, overlaid with the Config Admin
 * configurations of factory PID {@code io.nativebundle.tenant}, one per tenant, which
 * {@link #configure} and {@link #remove} keep up to date while the runtime runs.
 */
public final class TenantPolicies {

    private record Configured(String pid, String tenant, Map<String, String> keys) {
    }

    private final Function<String, String> framework;
    /** By PID, so that a deleted configuration takes its keys away. */
    private final Map<String, Configured> configured = new ConcurrentHashMap<>();

    TenantPolicies(Function<String, String> framework) {
        this.framework = framework;
    }

    /** The policy of {@code tenant} now. */
    public TenantPolicy policy(String tenant) {
        Map<String, String> keys = new TreeMap<>();
        StringBuilder pids = new StringBuilder();
        // in PID order, so that two configurations of one tenant give the same result every time
        for (Configured c : new TreeMap<>(configured).values()) {
            if (c.tenant().equals(tenant)) {
                keys.putAll(c.keys());
                pids.append(pids.length() == 0 ? "" : ", ").append(c.pid());
            }
        }
        return new TenantPolicy(tenant, keys, pids.toString(), framework);
    }

    /**
     * Sets the keys of the configuration {@code pid}, for {@code tenant}.
     *
     * @return the tenant the configuration was for before, if it was for another one
     */
    public Optional<String> configure(String pid, String tenant, Map<String, String> keys) {
        Configured before = configured.put(pid, new Configured(pid, tenant, Map.copyOf(keys)));
        return before == null || before.tenant().equals(tenant) ? Optional.empty() : Optional.of(before.tenant());
    }

    /** Forgets the configuration {@code pid}; returns the tenant it was for. */
    public Optional<String> remove(String pid) {
        return Optional.ofNullable(configured.remove(pid)).map(Configured::tenant);
    }
}
