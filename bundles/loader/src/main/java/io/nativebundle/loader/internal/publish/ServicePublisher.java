package io.nativebundle.loader.internal.publish;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.tenant.ServiceGate;

/**
 * Registers the typed service and the {@link NativeLibrary} description of one loaded library.
 *
 * <p>The typed service is a guard around the backend's binding ({@link GuardFactory}), never the
 * binding itself, so a consumer that keeps it after unload gets
 * {@code NativeLibraryUnloadedException} instead of a call into unmapped code. It is registered
 * through the native bundle's own context, so it belongs to that bundle (the shell and
 * {@code inspect} show it there) and is visible to whoever imports the interface from it. The
 * {@link NativeLibrary} description is registered by the loader, which is the bundle that exports
 * its API. Both go through the tenant gate: only bundles that may see the library's tenant get
 * the object, whichever way they reached the reference.
 */
public final class ServicePublisher {

    private final BundleContext loaderContext;
    private final ServiceGate gate;

    /** @param gate what each service is registered through: {@code Tenants.gate()} */
    public ServicePublisher(BundleContext loaderContext, ServiceGate gate) {
        this.loaderContext = loaderContext;
        this.gate = gate;
    }

    /**
     * Guards the binding the generation holds for {@code type} (when not null) and registers it,
     * then the description, into {@code publication}; publish the symbols first, whose metrics the
     * typed service shares.
     */
    public void publish(Bundle bundle, LoadedLibrary library, LibraryGeneration generation, Class<?> type,
                        Publication publication) {
        publish(bundle, library, generation, type, publication, Map.of());
    }

    /**
     * As {@link #publish(Bundle, LoadedLibrary, LibraryGeneration, Class, Publication)}, with
     * {@code extra} properties on the typed service, e.g. the Remote Services properties of an export.
     */
    public void publish(Bundle bundle, LoadedLibrary library, LibraryGeneration generation, Class<?> type,
                        Publication publication, Map<String, Object> extra) {
        Hashtable<String, Object> properties = properties(library);
        properties.putAll(extra);
        if (type != null) {
            SymbolMetrics[] metrics = typedMetrics(type, publication.metrics());
            // callbacks passed to a typed method count their errors in its symbol's counters, as a NativeFunction's do
            generation.typedCallbackErrors(callbackErrors(type, metrics)::get);
            List<String> leaves = LeafMethods.declared(library.symbols()).names(type);
            if (!leaves.isEmpty()) {
                properties.put(NativeBundleConstants.LEAF_METHODS, leaves.toArray(String[]::new));
            }
            Object service = guard(generation, type, metrics);
            publication.registered(bundle.getBundleContext().registerService(type.getName(),
                    gate.guard(library.tenant(), service, type.getName() + " of library " + library.name()), properties));
        }
        publication.registered(loaderContext.registerService(NativeLibrary.class.getName(),
                gate.guard(library.tenant(), library, "NativeLibrary " + library.name()), properties(library)));
    }

    /** The service properties of every service of the library. */
    public static Hashtable<String, Object> properties(LoadedLibrary library) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(NativeBundleConstants.LIBRARY, library.name());
        p.put(NativeBundleConstants.VERSION, library.version());
        p.put(NativeBundleConstants.PLATFORM, library.platform());
        p.put(NativeBundleConstants.SHA256, library.sha256());
        p.put(NativeBundleConstants.NAMESPACE, library.namespace());
        p.put(NativeBundleConstants.TENANT, library.tenant());
        p.put(NativeBundleConstants.GENERATION, library.generation());
        p.put(NativeBundleConstants.BACKEND, library.backend());
        p.put(NativeBundleConstants.ISOLATION, library.isolation());
        return p;
    }

    /** The guarded typed service: from now on the guard is the binding's only holder. */
    private static <T> T guard(LibraryGeneration generation, Class<T> type, SymbolMetrics[] metrics) {
        return GuardFactory.of(type).guard(generation, generation.takeBinding(type), metrics);
    }

    /** The callback error counters of each typed method with metrics, looked up by method on calls with callbacks. */
    private static Map<Method, UpcallErrors> callbackErrors(Class<?> type, SymbolMetrics[] metrics) {
        List<Method> methods = GuardFactory.of(type).methods();
        Map<Method, UpcallErrors> errors = new HashMap<>();
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i] != null) {
                errors.put(methods.get(i), metrics[i].callbackErrors());
            }
        }
        return Map.copyOf(errors);
    }

    /** The typed service shares the per-symbol metrics of the NativeFunction services. */
    private static SymbolMetrics[] typedMetrics(Class<?> type, LibraryMetrics metrics) {
        List<Method> methods = GuardFactory.of(type).methods();
        SymbolMetrics[] perMethod = new SymbolMetrics[methods.size()];
        for (int i = 0; i < perMethod.length; i++) {
            Method method = methods.get(i);
            if (metrics != null && Modifier.isAbstract(method.getModifiers())) {
                perMethod[i] = metrics.symbol(method.getName());
            }
        }
        return perMethod;
    }
}
