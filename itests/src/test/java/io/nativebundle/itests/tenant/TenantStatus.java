package io.nativebundle.itests.tenant;

import java.time.Duration;
import java.util.Arrays;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Services;

/** Looks for bundles and waits for the loader's verdict on them. */
public final class TenantStatus {

    private TenantStatus() {
    }

    /** Waits until a bundle with this symbolic name (and version, when given) is installed. */
    static Bundle awaitBundle(BundleContext context, String symbolicName, String version) {
        return Await.value("bundle " + symbolicName + " " + (version == null ? "" : version) + " installed",
                Duration.ofMillis(Services.TIMEOUT_MS), () -> Arrays.stream(context.getBundles())
                        .filter(b -> symbolicName.equals(b.getSymbolicName())
                                && (version == null || version.equals(b.getVersion().toString())))
                        .findFirst().orElse(null));
    }

    /** Waits until the loader reports {@code state} for {@code bundle}, and returns that status. */
    public static NativeBundleStatus awaitState(BundleContext context, Bundle bundle, NativeBundleStatus.State state)
            throws InterruptedException {
        NativeLibraryRegistry registry = context.getService(Services.await(context, NativeLibraryRegistry.class, null));
        return Await.value("bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] " + state,
                Duration.ofMillis(Services.TIMEOUT_MS), () -> registry.status(bundle.getBundleId())
                        .filter(status -> status.state() == state).orElse(null));
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
