package io.nativebundle.loader.internal.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * Counts what each tenant has loaded and refuses a library that would take it past its quota.
 *
 * <p>A library holds its reservation from admission until its {@code NativeLibrary} service is
 * unregistered, keyed by its generation. Reservations of other generations of the same bundle
 * are not counted against it, so an update that publishes the new generation before it retires
 * the old one is not refused by its own predecessor.
 */
final class TenantQuotas {

    private record Use(String tenant, long bundleId, String bundle, long bytes) {
    }

    /** What one tenant has reserved. */
    record Usage(int libraries, long bytes, List<String> bundles) {

        /** E.g. {@code  by math 1.2.0 [12], calc 1.0.0 [14]}; empty when nothing is in use. */
        String holders() {
            return bundles.isEmpty() ? "" : " by " + String.join(", ", bundles);
        }
    }

    private final QuotaSettings settings;
    private final Map<Long, Use> byGeneration = new HashMap<>();

    TenantQuotas(QuotaSettings settings) {
        this.settings = settings;
    }

    /**
     * Reserves room for one library of {@code tenant}.
     *
     * @param entries the native files of the selected {@code Bundle-NativeCode} clause
     * @throws TenantRefusal when a limit would be passed, naming the tenant, the limit and the usage
     */
    void reserve(String tenant, Bundle bundle, List<String> entries, long generation) throws TenantRefusal {
        TenantLimits limits = settings.limitsOf(tenant);
        long bytes = limits.maxBytes().isPresent() ? NativeSize.of(bundle, entries) : 0L;
        synchronized (this) {
            Usage usage = usageExcluding(tenant, bundle.getBundleId());
            if (limits.maxLibraries().isPresent() && usage.libraries() + 1 > limits.maxLibraries().getAsLong()) {
                throw new TenantRefusal("tenant '" + tenant + "' is at its quota of native libraries: limit "
                        + limits.maxLibraries().getAsLong() + " (" + limits.librariesKey() + "), in use "
                        + usage.libraries() + usage.holders() + "; stop one of them, or raise the limit");
            }
            if (limits.maxBytes().isPresent() && usage.bytes() + bytes > limits.maxBytes().getAsLong()) {
                throw new TenantRefusal("tenant '" + tenant + "' would pass its quota of native bytes: limit "
                        + limits.maxBytes().getAsLong() + " bytes (" + limits.bytesKey() + "), in use " + usage.bytes()
                        + " bytes" + usage.holders() + ", and this library needs " + bytes + " bytes " + entries);
            }
            byGeneration.put(generation, new Use(tenant, bundle.getBundleId(), BundleTenants.describe(bundle), bytes));
        }
    }

    /** Gives back the reservation of a generation; releasing twice or an unknown generation does nothing. */
    synchronized void release(long generation) {
        byGeneration.remove(generation);
    }

    synchronized Usage usageOf(String tenant) {
        return usageExcluding(tenant, -1);
    }

    private Usage usageExcluding(String tenant, long bundleId) {
        int libraries = 0;
        long bytes = 0;
        List<String> bundles = new ArrayList<>();
        for (Use use : byGeneration.values()) {
            if (use.tenant().equals(tenant) && use.bundleId() != bundleId) {
                libraries++;
                bytes += use.bytes();
                bundles.add(use.bundle());
            }
        }
        return new Usage(libraries, bytes, bundles);
    }
}
