package io.nativebundle.loader.internal;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Which native bundles this loader extends, decided the way Felix SCR decides it for component
 * bundles ({@code org.apache.felix.scr.impl.Activator#loadComponents}): look for the bundle's
 * {@code osgi.extender} wire to {@code io.nativebundle}; if it leads to another provider, that
 * extender owns the bundle and this loader leaves it alone. A bundle wired to this loader is
 * extended, and so is, as SCR does, a bundle with no such requirement at all: one built before
 * the bnd plugin wrote it, or by hand. Refusing those would break every native bundle built so
 * far, and with a single loader in the framework nothing else would load them.
 *
 * <pre>{@code
 * Optional<Bundle> owner = wiring.otherExtender(bundle);   // present: skip the bundle
 * }</pre>
 */
final class ExtenderWiring {

    /** The {@code osgi.extender} namespace (the constant of {@code org.osgi.namespace.extender}). */
    static final String NAMESPACE = "osgi.extender";

    private final Bundle loader;

    ExtenderWiring(Bundle loader) {
        this.loader = loader;
    }

    /**
     * The bundle providing the {@code io.nativebundle} extender that {@code bundle} is wired to,
     * when that is not this loader; empty when this loader extends it.
     */
    Optional<Bundle> otherExtender(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return Optional.empty(); // not resolved (any more): nothing wires it elsewhere
        }
        for (BundleWire wire : wiring.getRequiredWires(NAMESPACE)) {
            if (NativeBundleConstants.EXTENDER.equals(wire.getCapability().getAttributes().get(NAMESPACE))) {
                BundleRevision provider = wire.getProvider();
                return provider.equals(loader.adapt(BundleRevision.class)) ? Optional.empty()
                        : Optional.of(provider.getBundle());
            }
        }
        return Optional.empty();
    }
}
