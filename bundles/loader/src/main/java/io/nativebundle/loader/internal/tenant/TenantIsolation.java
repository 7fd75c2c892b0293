package io.nativebundle.loader.internal.tenant;

import java.util.Optional;
import java.util.function.Function;

import io.nativebundle.contract.Isolation;

/**
 * The operator's isolation policy per tenant: the key {@code isolation=process} of a tenant's
 * policy (its Config Admin configuration, or the framework property
 * {@code io.nativebundle.tenant.<tenant>.isolation}) runs every library of the tenant out of
 * process, whatever its bundle declares. {@code in-process} (or no setting) leaves it to the
 * bundle: a policy can only add isolation, never take a bundle's away.
 */
public final class TenantIsolation {

    /** The key of a tenant's policy. */
    public static final String KEY = "isolation";

    private final Function<String, TenantPolicy> policies;

    /** @param policies the current policy of a tenant, e.g. {@code tenants::policy} */
    public TenantIsolation(Function<String, TenantPolicy> policies) {
        this.policies = policies;
    }

    /**
     * Whether the policy puts every library of {@code tenant} out of process.
     *
     * @throws TenantRefusal when the setting is neither {@code process} nor {@code in-process}: a typo
     *                       must not quietly run a tenant's libraries in the JVM
     */
    public boolean outOfProcess(String tenant) throws TenantRefusal {
        TenantPolicy policy = policies.apply(tenant);
        Optional<String> value = policy.value(KEY).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return false;
        }
        Optional<Isolation> isolation = Isolation.of(value.get());
        if (isolation.isEmpty()) {
            throw new TenantRefusal("the isolation policy " + policy.source(KEY) + "=" + value.get()
                    + " is not valid; expected " + Isolation.vocabulary());
        }
        return isolation.get() == Isolation.PROCESS;
    }

    /** Names where the policy of {@code tenant} comes from, for messages: {@code io.nativebundle.tenant.acme.isolation}, or its configuration. */
    public String source(String tenant) {
        return policies.apply(tenant).source(KEY);
    }
}
