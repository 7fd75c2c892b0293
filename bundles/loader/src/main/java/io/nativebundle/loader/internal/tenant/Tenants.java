package io.nativebundle.loader.internal.tenant;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.loader.internal.trust.TrustSettings;

/**
 * Multi-tenancy in the loader: the tenant of every bundle, the hooks that keep tenants apart
 * (service find and event hooks, bundle find and event hooks, a resolver hook), the gate every
 * native service is registered through, and the per-tenant quotas.
 *
 * <pre>{@code
 * Tenants tenants = Tenants.start(context);          // first thing in the loader's start()
 * ...
 * String tenant = tenants.admit(bundle, selection.entries(), generation);   // before copying
 * }</pre>
 *
 * A reservation made by {@link #admit} is given back when the generation's {@code NativeLibrary}
 * service is unregistered, which is the moment the library is unpublished, whoever unpublishes
 * it; a load that fails before it publishes gives it back with {@link #release}.
 */
public final class Tenants {

    /** The folder FileInstall watches; its sub-folders are the tenants' folders. */
    static final String PLUGINS_DIR_PROPERTY = "felix.fileinstall.dir";

    private final BundleTenants bundles;
    private final TenantQuotas quotas;
    private final TenantVisibility visibility;
    private final TenantPolicies policies;
    private final AtomicLong denied = new AtomicLong();

    Tenants(BundleTenants bundles, TenantQuotas quotas, TenantPolicies policies) {
        this.bundles = bundles;
        this.quotas = quotas;
        this.visibility = new TenantVisibility(bundles);
        this.policies = policies;
    }

    /**
     * Registers the isolation hooks and starts following bundles and libraries. Call it before
     * any tenant bundle can look up a service: hooks do not act on lookups made before them.
     */
    public static Tenants start(BundleContext context) {
        BundleTenants bundles = new BundleTenants(new TenantResolver(
                new PluginFolder(context.getProperty(PLUGINS_DIR_PROPERTY))));
        TenantPolicies policies = new TenantPolicies(context::getProperty);
        Tenants tenants = new Tenants(bundles, new TenantQuotas(new QuotaSettings(policies)), policies);

        TenantVisibility visibility = tenants.visibility;
        context.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new TenantIsolationHook(visibility), described("keeps the services of tenants apart"));
        context.registerService(new String[] {org.osgi.framework.hooks.bundle.FindHook.class.getName(),
                org.osgi.framework.hooks.bundle.EventHook.class.getName()},
                new TenantBundleHook(visibility), described("hides the bundles of other tenants"));
        context.registerService(ResolverHookFactory.class.getName(), new TenantResolverHook(visibility),
                described("keeps tenants from wiring to each other's packages"));

        context.addBundleListener((SynchronousBundleListener) tenants::bundleChanged);
        try {
            context.addServiceListener(tenants::libraryChanged,
                    "(" + Constants.OBJECTCLASS + "=" + NativeLibrary.class.getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Bundle bundle : context.getBundles()) {
            bundles.of(bundle); // warns now about bundles whose tenant is invalid
        }
        return tenants;
    }

    /**
     * The gate of native services: each is registered as a service factory that gives its object
     * to the bundles that may see its tenant, and {@code null} to the others.
     */
    public ServiceGate gate() {
        return (tenant, service, description) -> new TenantServiceFactory<>(tenant, service, description, bundles,
                denied);
    }

    /** The policy of a tenant now: its quotas, trust store and other keys. */
    public TenantPolicy policy(String tenant) {
        return policies.policy(tenant);
    }

    /**
     * Follows the tenants' Config Admin configurations (factory PID {@code io.nativebundle.tenant}),
     * when Config Admin is there.
     *
     * @param applied told {@code (tenant, what changed)} after each change
     */
    public void followConfigurations(BundleContext context, BiConsumer<String, String> applied) {
        try {
            // before TenantConfigurations is loaded: it implements Config Admin's interface
            Class.forName("org.osgi.service.cm.ManagedServiceFactory", false, Tenants.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // no Config Admin: tenant policies come from framework properties only
        }
        TenantConfigurations.register(context, policies, applied);
    }

    /** The trust store a tenant's native bundles must be signed for, if any ({@code default} for runtime bundles). */
    public Optional<TrustSettings> trust(String tenant) {
        return policies.policy(tenant).trust();
    }

    /**
     * Whether {@code viewer} may see {@code bundle}, find its services and wire to its packages: the
     * rules the hooks apply.
     */
    public boolean sees(Bundle viewer, Bundle bundle) {
        return visibility.sees(viewer, bundle);
    }

    /** Whether {@code viewer} may have a service of {@code tenant}: the rule the service gate applies. */
    public boolean mayUse(Bundle viewer, String tenant) {
        return ServiceOwner.tenant(tenant).visibleTo(bundles.of(viewer));
    }

    /**
     * Decides the tenant a native bundle loads its library for, and reserves its quota.
     *
     * @param entries    the native files of the {@code Bundle-NativeCode} clause chosen for this platform
     * @param generation the generation the library will be published as
     * @return the tenant, {@code default} for a bundle of the runtime
     * @throws TenantRefusal when the bundle's tenant is invalid or over quota
     */
    public String admit(Bundle bundle, List<String> entries, long generation) throws TenantRefusal {
        BundleTenant tenant = bundles.of(bundle);
        switch (tenant.kind()) {
            case INVALID:
                throw new TenantRefusal("the bundle has no valid tenant: " + tenant.detail());
            case RUNTIME:
                // the runtime's own libraries count against no tenant's quota
                return NativeBundleConstants.DEFAULT_TENANT;
            default:
                quotas.reserve(tenant.tenant(), bundle, entries, generation);
                return tenant.tenant();
        }
    }

    /** Gives back the quota of a generation that was admitted but not published. */
    public void release(long generation) {
        quotas.release(generation);
    }

    private static Dictionary<String, Object> described(String what) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_DESCRIPTION, "nativebundle: " + what);
        return properties;
    }

    private void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.INSTALLED:
                bundles.of(event.getBundle());
                break;
            case BundleEvent.UPDATED:
                bundles.forget(event.getBundle().getBundleId());
                bundles.of(event.getBundle());
                break;
            case BundleEvent.UNINSTALLED:
                bundles.forget(event.getBundle().getBundleId());
                break;
            default:
                break;
        }
    }

    private void libraryChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.UNREGISTERING
                && event.getServiceReference().getProperty(NativeBundleConstants.GENERATION) instanceof Long generation) {
            quotas.release(generation);
        }
    }
}
