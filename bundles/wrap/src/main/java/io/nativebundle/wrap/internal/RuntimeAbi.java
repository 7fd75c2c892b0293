package io.nativebundle.wrap.internal;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

import io.nativebundle.contract.Abi;

/**
 * The ABI version a wrapped host library requires. A bundled library's build note names its ABI;
 * a host library has no note, so its bundle requires the ABI of the runtime it is wrapped in (the
 * system bundle's {@code io.nativebundle.abi} capability), or the contract's {@link Abi#CURRENT}
 * outside a framework.
 */
final class RuntimeAbi {

    private static final Version DEFAULT = Version.parseVersion(Abi.CURRENT);

    private RuntimeAbi() {
    }

    static Version current() {
        Bundle self = FrameworkUtil.getBundle(RuntimeAbi.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        Bundle system = context == null ? null : context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        BundleWiring wiring = system == null ? null : system.adapt(BundleWiring.class);
        if (wiring == null) {
            return DEFAULT;
        }
        List<BundleCapability> abi = wiring.getCapabilities(Abi.NAMESPACE);
        if (abi == null || abi.isEmpty()) {
            return DEFAULT;
        }
        Object version = abi.get(0).getAttributes().get(Abi.NAMESPACE);
        return version instanceof Version ? (Version) version : DEFAULT;
    }
}
