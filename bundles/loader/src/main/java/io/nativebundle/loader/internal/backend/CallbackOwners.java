package io.nativebundle.loader.internal.backend;

import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Whether a callback's code may still run: the bundle that defined its class (a lambda's is the
 * bundle whose code wrote it) is starting, active or stopping. Once it has stopped, its services
 * are gone and its class loader may be on its way out, so an upcall must not enter it.
 */
public final class CallbackOwners {

    private static final int RUNNING = Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private CallbackOwners() {
    }

    /** The liveness test of {@code type}'s bundle; always live for a class outside any bundle. */
    public static BooleanSupplier liveness(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle == null) {
            return () -> true;
        }
        return () -> (bundle.getState() & RUNNING) != 0;
    }
}
