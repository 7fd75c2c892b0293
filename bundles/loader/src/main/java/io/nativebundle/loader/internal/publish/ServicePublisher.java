package io.nativebundle.loader.internal.publish;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;

/**
 * Registers the services of one loaded library and unregisters them again.
 *
 * <p>The typed service is a guard around the jnr-ffi binding (see
 * {@code lifecycle.LibraryGeneration#guard}), never the binding itself, so a consumer that keeps
 * it after unload gets {@code NativeLibraryUnloadedException} instead of a call into unmapped code.
 * It is registered through the native bundle's own context, so it belongs to
 * that bundle (the shell and {@code inspect} show it there) and is visible to whoever imports the
 * interface from it. The {@link NativeLibrary} description is registered by the loader, which
 * is the bundle that exports its API.
 */
public final class ServicePublisher {

    private final BundleContext loaderContext;

    public ServicePublisher(BundleContext loaderContext) {
        this.loaderContext = loaderContext;
    }

    /** The registrations of one generation, unregistered together. */
    public static final class Published {
        private final List<ServiceRegistration<?>> registrations;

        Published(List<ServiceRegistration<?>> registrations) {
            this.registrations = registrations;
        }

        public void unregister() {
            for (ServiceRegistration<?> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregisters a stopping bundle's services itself
                }
            }
        }
    }

    /** @param service the guarded typed service; ignored when {@code type} is null */
    public Published publish(Bundle bundle, LoadedLibrary library, Class<?> type, Object service) {
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        try {
            Hashtable<String, Object> properties = properties(library);
            if (type != null) {
                registrations.add(bundle.getBundleContext().registerService(type.getName(), service, properties));
            }
            registrations.add(loaderContext.registerService(NativeLibrary.class, library, properties(library)));
            return new Published(registrations);
        } catch (RuntimeException e) {
            new Published(registrations).unregister();
            throw e;
        }
    }

    public static Hashtable<String, Object> properties(LoadedLibrary library) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(NativeBundleConstants.LIBRARY, library.name());
        p.put(NativeBundleConstants.VERSION, library.version());
        p.put(NativeBundleConstants.PLATFORM, library.platform());
        p.put(NativeBundleConstants.SHA256, library.sha256());
        p.put(NativeBundleConstants.NAMESPACE, library.namespace());
        p.put(NativeBundleConstants.TENANT, library.tenant());
        p.put(NativeBundleConstants.GENERATION, library.generation());
        return p;
    }
}
