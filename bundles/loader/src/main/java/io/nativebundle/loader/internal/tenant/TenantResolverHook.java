package io.nativebundle.loader.internal.tenant;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Keeps a tenant's bundles from wiring to the capabilities of another tenant's bundles: exported
 * packages ({@code osgi.wiring.package}), {@code Require-Bundle}, and every other namespace. So two
 * tenants can each deploy their own version of an API bundle, and each tenant's bundles wire to
 * their own. The rules are those of services ({@link ServiceOwner}): capabilities of the runtime and
 * of the {@code default} tenant stay visible to everybody, and runtime bundles may wire to any.
 *
 * <p>It also lets two tenants each install a singleton bundle of the same symbolic name: the
 * framework only checks singletons for collisions within what one bundle could see.
 *
 * <p>It acts on resolves after the loader started; a bundle already resolved keeps its wires.
 */
final class TenantResolverHook implements ResolverHookFactory, ResolverHook {

    private final TenantVisibility visibility;

    TenantResolverHook(TenantVisibility visibility) {
        this.visibility = visibility;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return this; // it keeps no state between calls, so one instance serves every resolve
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may resolve; only what it wires to is filtered
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> candidates) {
        Bundle one = singleton.getRevision().getBundle();
        candidates.removeIf(other -> {
            Bundle bundle = other.getRevision().getBundle();
            return !visibility.sees(one, bundle) && !visibility.sees(bundle, one);
        });
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        Bundle requirer = requirement.getRevision().getBundle();
        if (visibility.viewer(requirer).seesEverything()) {
            return;
        }
        candidates.removeIf(capability -> !visibility.sees(requirer, capability.getRevision().getBundle()));
    }

    @Override
    public void end() {
        // nothing to release
    }
}
