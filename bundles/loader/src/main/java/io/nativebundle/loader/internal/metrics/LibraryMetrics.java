package io.nativebundle.loader.internal.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.SymbolStats;

/**
 * The metrics of one loaded library generation: one {@link SymbolMetrics} per symbol, shared by
 * every path that calls the symbol (its {@code NativeFunction} service and the typed service's
 * guard), and their MBeans. Obtained from {@link MetricsRegistry#open}; closed when the
 * generation is unloaded.
 *
 * <pre>{@code
 * LibraryMetrics lm = registry.open(library);
 * SymbolMetrics add = lm.symbol("add");   // the same object for every caller
 * ...
 * lm.close();                              // on unload: MBeans gone, stats(library) empty
 * }</pre>
 */
public final class LibraryMetrics {

    private final NativeLibrary library;
    private final MetricsRegistry registry;
    private final JmxExporter jmx;
    private final Map<String, SymbolMetrics> symbols = new LinkedHashMap<>();
    private final List<ObjectName> mbeans = new ArrayList<>();
    private String jmxKeys;
    private boolean enabled;
    private boolean closed;

    LibraryMetrics(NativeLibrary library, boolean enabled, MetricsRegistry registry, JmxExporter jmx) {
        this.library = library;
        this.enabled = enabled;
        this.registry = registry;
        this.jmx = jmx;
    }

    /** Registers the library's MBean; separate from construction so no {@code this} escapes a constructor. */
    synchronized void export() {
        if (closed) {
            return;
        }
        jmxKeys = jmx.registerLibrary(this);
        if (jmxKeys != null) {
            mbeans.add(MBeanNames.library(jmxKeys));
            for (SymbolMetrics metrics : symbols.values()) {
                exportSymbol(metrics);
            }
        }
    }

    public NativeLibrary library() {
        return library;
    }

    /** The metrics of {@code symbol}, created (and exported to JMX) on first use. */
    public synchronized SymbolMetrics symbol(String symbol) {
        SymbolMetrics metrics = symbols.get(symbol);
        if (metrics == null) {
            metrics = new SymbolMetrics(library.name(), symbol, enabled);
            symbols.put(symbol, metrics);
            if (!closed) {
                exportSymbol(metrics);
            }
        }
        return metrics;
    }

    private void exportSymbol(SymbolMetrics metrics) {
        ObjectName name = jmx.registerSymbol(jmxKeys, metrics);
        if (name != null) {
            mbeans.add(name);
        }
    }

    /** The symbols with metrics, in the order they were first asked for. */
    public synchronized List<SymbolMetrics> symbols() {
        return List.copyOf(symbols.values());
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    /** Switches this generation's symbols; {@link MetricsRegistry#setEnabled} also remembers it for later loads. */
    synchronized void setEnabled(boolean on) {
        enabled = on;
        for (SymbolMetrics metrics : symbols.values()) {
            metrics.setEnabled(on);
        }
    }

    /** Switches the whole library, as {@link MetricsRegistry#setEnabled} does; used by the MBean. */
    void switchLibrary(boolean on) {
        registry.setEnabled(library.name(), on);
    }

    public List<SymbolStats> stats() {
        List<SymbolStats> stats = new ArrayList<>();
        for (SymbolMetrics metrics : symbols()) {
            stats.add(metrics.stats());
        }
        return stats;
    }

    /** The MBean names registered for this generation; for tests and the shell. */
    public synchronized List<ObjectName> mbeans() {
        return List.copyOf(mbeans);
    }

    /** Unregisters the MBeans and forgets the generation. Idempotent. */
    public void close() {
        List<ObjectName> names;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            names = new ArrayList<>(mbeans);
            mbeans.clear();
            symbols.values().forEach(SymbolMetrics::retire);
        }
        registry.closed(this);
        for (ObjectName name : names) {
            jmx.unregister(name);
        }
    }

    @Override
    public String toString() {
        return "LibraryMetrics[" + library.namespace() + " generation " + library.generation() + "]";
    }
}
