package io.nativebundle.loader.internal.publish;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.ServiceRegistration;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.loader.internal.call.SymbolGuard;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;

/**
 * Every service one library generation registered, as the publishers registered them: the
 * {@link NativeFunction} and {@link NativeVariable} services, the guarded typed service and the
 * {@code NativeLibrary} description, with the generation's metrics. It fills up while the load
 * publishes, so a load refused half-way unregisters exactly what was registered.
 *
 * <p>On unload the loader calls {@link #unregister()} (no new lookups, metrics and MBeans gone);
 * the generation cuts the symbol services when its unload starts ({@link #cut()}: calls through
 * references kept from before throw {@code NativeLibraryUnloadedException}). After the cut the
 * services hold no invoker any more, so the generation's adopted objects become garbage once the
 * calls in flight returned. Thread-safe: the tracker unpublishes while the shell may read it.
 */
public final class Publication {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<SymbolGuard<?>> guards = new ArrayList<>();
    private LibraryMetrics metrics;

    synchronized void registered(ServiceRegistration<?> registration) {
        registrations.add(registration);
    }

    synchronized void guarded(SymbolGuard<?> guard) {
        guards.add(guard);
    }

    synchronized void metrics(LibraryMetrics libraryMetrics) {
        this.metrics = libraryMetrics;
    }

    /** The function services, in declaration order. */
    public List<NativeFunction> functions() {
        return symbols(NativeFunction.class);
    }

    /** The variable services, in declaration order. */
    public List<NativeVariable> variables() {
        return symbols(NativeVariable.class);
    }

    private synchronized <T> List<T> symbols(Class<T> type) {
        return guards.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The metrics of the generation, shared by the symbol services and the typed service's guard; null before. */
    public synchronized LibraryMetrics metrics() {
        return metrics;
    }

    /** Unregisters every service, in the order they were registered, and closes the metrics. Idempotent. */
    public void unregister() {
        List<ServiceRegistration<?>> all;
        LibraryMetrics libraryMetrics;
        synchronized (this) {
            all = List.copyOf(registrations);
            libraryMetrics = metrics;
        }
        for (ServiceRegistration<?> registration : all) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered before, or the framework unregisters a stopping bundle's services itself
            }
        }
        if (libraryMetrics != null) {
            libraryMetrics.close();
        }
    }

    /** Makes every later call or access of a symbol service refuse with the unloaded exception. Idempotent. */
    public void cut() {
        List<SymbolGuard<?>> all;
        synchronized (this) {
            all = List.copyOf(guards);
        }
        for (SymbolGuard<?> guard : all) {
            guard.cut();
        }
    }
}
