package io.nativebundle.loader.internal.publish;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.ServiceRegistration;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.loader.internal.call.SymbolGuard;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;

/**
 * The {@link NativeFunction} and {@link NativeVariable} services of one library generation, as
 * {@link SymbolPublisher#publish} registered them. On unload the loader calls
 * {@link #unregister()} (no new lookups, metrics and MBeans gone), then {@link #cut()} (calls
 * through references kept from before throw {@code NativeLibraryUnloadedException}); the
 * generation also cuts them when its unload starts. After the cut the services hold no jffi
 * {@code Library} any more, so the generation's adopted libraries become garbage once the calls
 * in flight returned.
 */
public final class SymbolServices {

    private final List<ServiceRegistration<?>> registrations;
    private final List<SymbolGuard<?>> guards;
    private final LibraryMetrics metrics;

    SymbolServices(List<ServiceRegistration<?>> registrations, List<SymbolGuard<?>> guards, LibraryMetrics metrics) {
        this.registrations = List.copyOf(registrations);
        this.guards = List.copyOf(guards);
        this.metrics = metrics;
    }

    /** The function services, in declaration order. */
    public List<NativeFunction> functions() {
        List<NativeFunction> functions = new ArrayList<>();
        for (SymbolGuard<?> guard : guards) {
            if (guard instanceof NativeFunction) {
                functions.add((NativeFunction) guard);
            }
        }
        return functions;
    }

    /** The variable services, in declaration order. */
    public List<NativeVariable> variables() {
        List<NativeVariable> variables = new ArrayList<>();
        for (SymbolGuard<?> guard : guards) {
            if (guard instanceof NativeVariable) {
                variables.add((NativeVariable) guard);
            }
        }
        return variables;
    }

    /** The metrics of the generation, shared with the typed service's guards. */
    public LibraryMetrics metrics() {
        return metrics;
    }

    /** Unregisters the services and closes the generation's metrics. Idempotent. */
    public void unregister() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered before, or the framework is stopping the loader
            }
        }
        metrics.close();
    }

    /** Makes every later call or access refuse with the generation's unloaded exception. Idempotent. */
    public void cut() {
        for (SymbolGuard<?> guard : guards) {
            guard.cut();
        }
    }
}
