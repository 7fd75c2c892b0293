package io.nativebundle.loader.internal.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.loader.internal.host.RuntimeCapabilities;

/**
 * Explains in plain words why a bundle does not resolve: it asks the framework for providers of
 * each mandatory requirement and reports the first ones nobody satisfies, with what this runtime
 * offers in that namespace (e.g. its {@code io.nativebundle.abi} version or its
 * {@code osgi.native} platform).
 */
final class ResolutionExplainer {

    private final BundleContext context;
    private final BiPredicate<Bundle, Bundle> sees;

    /** @param sees whether the first bundle may wire to the second: tenants keep their packages apart */
    ResolutionExplainer(BundleContext context, BiPredicate<Bundle, Bundle> sees) {
        this.context = context;
        this.sees = sees;
    }

    String explain(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return "the bundle has no current revision";
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        List<String> unmet = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (isOptional(requirement)) {
                continue;
            }
            List<Bundle> providers = wiring.findProviders(requirement).stream()
                    .map(c -> c.getRevision().getBundle()).toList();
            if (providers.isEmpty()) {
                unmet.add(describe(requirement));
            } else if (providers.stream().noneMatch(provider -> sees.test(bundle, provider))) {
                unmet.add(describe(requirement) + "; only bundles of other tenants provide it ("
                        + providers.stream().map(b -> b.getSymbolicName() + " " + b.getVersion() + " ["
                                + b.getBundleId() + "]").distinct().collect(Collectors.joining(", "))
                        + "), and a tenant's bundles wire only to their own tenant's, the default tenant's and the"
                        + " runtime's; deploy the exporter for this tenant too");
            }
        }
        if (unmet.isEmpty()) {
            return "the framework did not resolve the bundle, but every requirement has a provider; "
                    + "check for a uses-constraint conflict with 'inspect requirement' in the shell";
        }
        return String.join("; ", unmet);
    }

    private static boolean isOptional(BundleRequirement requirement) {
        return Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private String describe(BundleRequirement requirement) {
        String namespace = requirement.getNamespace();
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "(no filter)");
        StringBuilder sb = new StringBuilder("missing requirement ").append(namespace).append(' ').append(filter);
        switch (namespace) {
            case NativeBundleConstants.ABI_NAMESPACE:
                sb.append(": this runtime provides ").append(NativeBundleConstants.ABI_NAMESPACE).append(' ')
                        .append(offered(namespace, NativeBundleConstants.ABI_NAMESPACE));
                break;
            case "osgi.native":
                // a system-library bundle has no Bundle-NativeCode: its osgi.native requirement is
                // the Require-Capability the bnd plugin wrote for the host it can take a library from
                boolean bundled = requirement.getRevision().getBundle().getHeaders("")
                        .get(Constants.BUNDLE_NATIVECODE) != null;
                sb.append(bundled ? ": no Bundle-NativeCode clause fits this host"
                                : ": the bundle takes its library from the host, on a platform this host is not")
                        .append(" (osname ").append(offered(namespace, "osgi.native.osname"))
                        .append(", processor ").append(offered(namespace, "osgi.native.processor")).append(')');
                break;
            case PackageNamespace.PACKAGE_NAMESPACE:
                sb.append(": no bundle this one may wire to exports that package");
                break;
            default:
                break;
        }
        return sb.toString();
    }

    private String offered(String namespace, String attribute) {
        List<BundleCapability> capabilities = RuntimeCapabilities.offered(context, namespace);
        List<Object> values = new ArrayList<>();
        for (BundleCapability capability : capabilities) {
            Map<String, Object> attributes = capability.getAttributes();
            if (attributes.containsKey(attribute)) {
                values.add(attributes.get(attribute));
            }
        }
        return values.isEmpty() ? "nothing" : values.size() == 1 ? String.valueOf(values.get(0)) : values.toString();
    }
}
