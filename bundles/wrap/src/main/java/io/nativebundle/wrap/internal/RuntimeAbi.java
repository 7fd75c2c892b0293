package io.nativebundle.wrap.internal;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.nativebundle.contract.Abi;

/**
 * The ABI version a wrapped host library requires. A bundled library's build note names its ABI;
 * a host library has no note, so its bundle requires the ABI of the runtime it is wrapped in (the
 * highest {@code io.nativebundle.abi} capability an installed bundle declares: the loader's), or
 * the contract's {@link Abi#CURRENT} outside a framework or without a loader.
 */
final class RuntimeAbi {

    private static final Version DEFAULT = Version.parseVersion(Abi.CURRENT);

    private RuntimeAbi() {
    }

    static Version current() {
        Bundle self = FrameworkUtil.getBundle(RuntimeAbi.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            return DEFAULT;
        }
        Version highest = null;
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            List<BundleCapability> abi = revision == null ? List.of()
                    : revision.getDeclaredCapabilities(Abi.NAMESPACE);
            for (BundleCapability capability : abi) {
                if (capability.getAttributes().get(Abi.NAMESPACE) instanceof Version version
                        && (highest == null || version.compareTo(highest) > 0)) {
                    highest = version;
                }
            }
        }
        return highest == null ? DEFAULT : highest;
    }
}
