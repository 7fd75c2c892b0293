package io.nativebundle.loader.internal.tenant;

import java.util.Optional;

import org.osgi.framework.Constants;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.TenantId;

/**
 * Decides the tenant of a bundle from its location and its {@code NativeBundle-Tenant} header.
 *
 * <ul>
 * <li>{@code plugins/<tenant>/…}: that tenant. A header must agree with the folder.</li>
 * <li>directly in {@code plugins/}: the header's tenant, else {@code default}.</li>
 * <li>anywhere else: the header's tenant; without a header the bundle is part of the runtime.</li>
 * </ul>
 *
 * An invalid id, in the folder or in the header, or a header that contradicts the folder makes
 * the bundle {@link BundleTenant.Kind#INVALID}.
 */
final class TenantResolver {

    private static final String HEADER = NativeBundleConstants.HEADER_TENANT;

    private final PluginFolder plugins;

    TenantResolver(PluginFolder plugins) {
        this.plugins = plugins;
    }

    BundleTenant resolve(long bundleId, String location, String header) {
        if (bundleId == Constants.SYSTEM_BUNDLE_ID) {
            return BundleTenant.RUNTIME;
        }
        String declared = header == null ? null : header.trim();
        PluginFolder.Placement placement = BundleLocation.fileOf(location)
                .map(plugins::place).orElse(PluginFolder.Placement.OUTSIDE);
        switch (placement.place()) {
            case TENANT_FOLDER:
                return fromFolder(placement.folder(), declared);
            case TOP:
                return declared == null
                        ? BundleTenant.plugin(NativeBundleConstants.DEFAULT_TENANT, "deployed directly in "
                                + plugins.describeTop())
                        : fromHeader(declared);
            default:
                return declared == null ? BundleTenant.RUNTIME : fromHeader(declared);
        }
    }

    private BundleTenant fromFolder(String folder, String declared) {
        String where = plugins.describe(folder);
        Optional<String> problem = TenantId.problem(folder);
        if (problem.isPresent()) {
            return BundleTenant.invalid("it is deployed in " + where + " but the folder name is not a valid tenant id: "
                    + problem.get());
        }
        if (declared != null && !declared.equals(folder)) {
            return BundleTenant.invalid("its header " + HEADER + ": " + declared + " contradicts its folder " + where
                    + " (tenant '" + folder + "'); remove the header or deploy the bundle in the folder of its tenant");
        }
        return BundleTenant.plugin(folder, "deployed in " + where);
    }

    private static BundleTenant fromHeader(String declared) {
        Optional<String> problem = TenantId.problem(declared);
        if (problem.isPresent()) {
            return BundleTenant.invalid("its header " + HEADER + ": " + declared + " is invalid: " + problem.get());
        }
        return BundleTenant.plugin(declared, "header " + HEADER);
    }
}
