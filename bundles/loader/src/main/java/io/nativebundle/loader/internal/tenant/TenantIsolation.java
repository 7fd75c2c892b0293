package io.nativebundle.loader.internal.tenant;

import java.util.Optional;
import java.util.function.Function;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.Isolation;

/**
 * The operator's isolation policy per tenant: {@code io.nativebundle.tenant.<tenant>.isolation=process}
 * runs every library of the tenant out of process, whatever its bundle declares. {@code in-process}
 * (or no setting) leaves it to the bundle: a policy can only add isolation, never take a bundle's
 * away.
 *
 * <p>The one place the setting is read: built on any lookup of settings by name, today the
 * framework properties ({@code context::getProperty}), and as easily on a tenant's configuration.
 */
public final class TenantIsolation {

    /** The suffix of the setting after {@code io.nativebundle.tenant.<tenant>}. */
    public static final String SUFFIX = ".isolation";

    private final Function<String, String> settings;

    /** @param settings looks a setting up by its full name; null when unset */
    public TenantIsolation(Function<String, String> settings) {
        this.settings = settings;
    }

    /** The setting's name for {@code tenant}: {@code io.nativebundle.tenant.acme.isolation}. */
    public static String key(String tenant) {
        return NativeBundleConstants.TENANT_PROPERTY_PREFIX + tenant + SUFFIX;
    }

    /**
     * Whether the policy puts every library of {@code tenant} out of process.
     *
     * @throws TenantRefusal when the setting is neither {@code process} nor {@code in-process}: a typo
     *                       must not quietly run a tenant's libraries in the JVM
     */
    public boolean outOfProcess(String tenant) throws TenantRefusal {
        String value = settings.apply(key(tenant));
        if (value == null || value.isBlank()) {
            return false;
        }
        Optional<Isolation> isolation = Isolation.of(value);
        if (isolation.isEmpty()) {
            throw new TenantRefusal("the isolation policy " + key(tenant) + "=" + value + " is not valid; expected "
                    + Isolation.vocabulary());
        }
        return isolation.get() == Isolation.PROCESS;
    }
}
