package io.nativebundle.loader.internal.tenant;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads tenant quotas from framework properties:
 *
 * <pre>
 * io.nativebundle.tenant.acme.max-libraries=5        acme may load 5 native libraries
 * io.nativebundle.tenant.acme.max-bytes=64m          whose native files add up to 64 MiB
 * io.nativebundle.tenant.default-max-libraries=10    every tenant without its own setting
 * io.nativebundle.tenant.default-max-bytes=256m
 * </pre>
 *
 * Sizes are bytes, or a number with {@code k}, {@code m} or {@code g} (powers of 1024).
 * {@code unlimited} lifts a default for one tenant. A value that does not parse refuses the
 * tenant's libraries instead of silently lifting the limit.
 */
final class QuotaSettings {

    static final String PREFIX = "io.nativebundle.tenant.";
    static final String MAX_LIBRARIES = "max-libraries";
    static final String MAX_BYTES = "max-bytes";
    static final String DEFAULT_MAX_LIBRARIES = PREFIX + "default-" + MAX_LIBRARIES;
    static final String DEFAULT_MAX_BYTES = PREFIX + "default-" + MAX_BYTES;

    private static final String UNLIMITED = "unlimited";

    private final TenantPolicies policies;

    /** @param properties the framework properties, e.g. {@code context::getProperty}, without Config Admin */
    QuotaSettings(Function<String, String> properties) {
        this(new TenantPolicies(properties));
    }

    /** @param policies the tenants' policies: framework properties, overlaid with Config Admin's */
    QuotaSettings(TenantPolicies policies) {
        this.policies = policies;
    }

    TenantLimits limitsOf(String tenant) throws TenantRefusal {
        TenantPolicy policy = policies.policy(tenant);
        Setting libraries = setting(policy, MAX_LIBRARIES, DEFAULT_MAX_LIBRARIES);
        Setting bytes = setting(policy, MAX_BYTES, DEFAULT_MAX_BYTES);
        return new TenantLimits(limit(libraries, false), libraries.source(), limit(bytes, true), bytes.source());
    }

    /** A limit's value and where it came from. */
    private record Setting(String value, String source) {
    }

    /** The tenant's own key when it is set, else the default key. */
    private static Setting setting(TenantPolicy policy, String name, String defaultKey) {
        return policy.value(name).map(v -> new Setting(v, policy.source(name)))
                .orElseGet(() -> new Setting(policy.framework().apply(defaultKey), defaultKey));
    }

    private static OptionalLong limit(Setting setting, boolean size) throws TenantRefusal {
        String key = setting.source();
        String value = setting.value();
        if (value == null || value.trim().equalsIgnoreCase(UNLIMITED)) {
            return OptionalLong.empty();
        }
        try {
            long limit = size ? parseSize(value) : Long.parseLong(value.trim());
            if (limit < 0) {
                throw new NumberFormatException("negative");
            }
            return OptionalLong.of(limit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TenantRefusal("the quota " + key + "=" + value + " is not valid; expected "
                    + (size ? "a size in bytes such as 1048576, 512k, 64m or 1g" : "a whole number of libraries, 0 or more")
                    + ", or '" + UNLIMITED + "'");
        }
    }

    static long parseSize(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("k") || v.endsWith("m") || v.endsWith("g")) {
            char suffix = v.charAt(v.length() - 1);
            unit = suffix == 'k' ? 1L << 10 : suffix == 'm' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1).trim();
        }
        return Math.multiplyExact(Long.parseLong(v), unit);
    }
}
