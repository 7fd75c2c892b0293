package io.nativebundle.itests.tenant;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.itests.Services;

/** Looks for bundles and waits for the loader's verdict on them. */
final class TenantStatus {

    private TenantStatus() {
    }

    /** Waits until a bundle with this symbolic name (and version, when given) is installed. */
    static Bundle awaitBundle(BundleContext context, String symbolicName, String version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Services.TIMEOUT_MS;
        do {
            for (Bundle b : context.getBundles()) {
                if (symbolicName.equals(b.getSymbolicName()) && (version == null || version.equals(b.getVersion().toString()))) {
                    return b;
                }
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("no bundle " + symbolicName + " " + (version == null ? "" : version)
                + " was installed within " + Services.TIMEOUT_MS + " ms");
    }

    /** Waits until the loader reports {@code state} for {@code bundle}, and returns that status. */
    static NativeBundleStatus awaitState(BundleContext context, Bundle bundle, NativeBundleStatus.State state)
            throws InterruptedException {
        NativeLibraryRegistry registry = context.getService(Services.await(context, NativeLibraryRegistry.class, null));
        long deadline = System.currentTimeMillis() + Services.TIMEOUT_MS;
        Optional<NativeBundleStatus> status;
        do {
            status = registry.status(bundle.getBundleId());
            if (status.isPresent() && status.get().state() == state) {
                return status.get();
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] is not "
                + state + " after " + Services.TIMEOUT_MS + " ms: " + status);
    }

    /** The references {@code context} finds, never null. */
    static ServiceReference<?>[] find(BundleContext context, String clazz, String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(clazz, filter);
        return refs == null ? new ServiceReference<?>[0] : refs;
    }

    /** The references {@code context} finds without the class-space check, never null. */
    static ServiceReference<?>[] findAll(BundleContext context, String clazz, String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(clazz, filter);
        return refs == null ? new ServiceReference<?>[0] : refs;
    }

    /** The filter for the services {@code bundle} registered, e.g. its SCR component's. */
    static String registeredBy(Bundle bundle, String filter) {
        return "(&(service.bundleid=" + bundle.getBundleId() + ")" + filter + ")";
    }
}
