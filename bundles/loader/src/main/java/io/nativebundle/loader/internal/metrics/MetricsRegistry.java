package io.nativebundle.loader.internal.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.management.MBeanServer;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.RemoteStats;
import io.nativebundle.api.SymbolStats;

/**
 * The loader's {@link NativeMetrics} service: the metrics of every loaded library generation,
 * and the per-library switch.
 *
 * <p>Whether a library's metrics are on: the last {@link #setEnabled} for its name; else the
 * framework property {@code io.nativebundle.metrics.<library>}; else
 * {@code io.nativebundle.metrics}; else on. Properties take {@code true} or {@code false}.
 *
 * <pre>{@code
 * MetricsRegistry metrics = MetricsRegistry.platform(context::getProperty);
 * context.registerService(NativeMetrics.class, metrics, null);
 * }</pre>
 */
public final class MetricsRegistry implements NativeMetrics {

    /** Framework property: metrics on or off by default. */
    public static final String PROPERTY = "io.nativebundle.metrics";

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final Function<String, String> properties;
    private final JmxExporter jmx;
    private final Map<String, Boolean> switched = new ConcurrentHashMap<>();
    private volatile Supplier<List<RemoteStats>> remote = List::of;
    /** By generation: every load has a new, larger one, so this is load order. */
    private final Map<Long, LibraryMetrics> live = new ConcurrentSkipListMap<>();

    /**
     * @param properties framework properties, e.g. {@code context::getProperty}
     * @param server     where the MBeans go, {@code null} for none
     */
    public MetricsRegistry(Function<String, String> properties, MBeanServer server) {
        this.properties = properties;
        this.jmx = new JmxExporter(server);
    }

    /** A registry that exports to the platform MBeanServer. */
    public static MetricsRegistry platform(Function<String, String> properties) {
        return new MetricsRegistry(properties, ManagementFactory.getPlatformMBeanServer());
    }

    /** The metrics of a loaded generation; the same object for every call with that generation until closed. */
    public LibraryMetrics open(NativeLibrary library) {
        LibraryMetrics existing = live.get(library.generation());
        if (existing != null) {
            return existing;
        }
        LibraryMetrics created = new LibraryMetrics(library, isEnabled(library.name()), this, jmx);
        LibraryMetrics raced = live.putIfAbsent(library.generation(), created);
        if (raced != null) {
            return raced;
        }
        // a setEnabled that ran while it was created did not see it
        created.setEnabled(isEnabled(library.name()));
        created.export();
        return created;
    }

    void closed(LibraryMetrics metrics) {
        live.remove(metrics.library().generation(), metrics);
    }

    @Override
    public List<SymbolStats> stats() {
        List<SymbolStats> stats = new ArrayList<>();
        for (LibraryMetrics metrics : live.values()) {
            stats.addAll(metrics.stats());
        }
        return stats;
    }

    /** @param library a library name, or a namespace such as {@code acme/math/v1} to single out one tenant's */
    @Override
    public List<SymbolStats> stats(String library) {
        List<SymbolStats> stats = new ArrayList<>();
        for (LibraryMetrics metrics : live.values()) {
            NativeLibrary l = metrics.library();
            if (l.name().equals(library) || l.namespace().equals(library)) {
                stats.addAll(metrics.stats());
            }
        }
        return stats;
    }

    /** Where {@link #remote()} reads the imports' calls: the loader's imported services. */
    public void remote(Supplier<List<RemoteStats>> imports) {
        this.remote = imports;
    }

    @Override
    public List<RemoteStats> remote() {
        return remote.get();
    }

    @Override
    public boolean isEnabled(String library) {
        Boolean on = switched.get(library);
        if (on != null) {
            return on;
        }
        Boolean configured = flag(PROPERTY + "." + library);
        if (configured != null) {
            return configured;
        }
        configured = flag(PROPERTY);
        return configured == null || configured;
    }

    @Override
    public void setEnabled(String library, boolean enabled) {
        switched.put(library, enabled);
        for (LibraryMetrics metrics : live.values()) {
            if (metrics.library().name().equals(library)) {
                metrics.setEnabled(enabled);
            }
        }
    }

    /** The live generations, in load order. */
    public List<LibraryMetrics> libraries() {
        return List.copyOf(live.values());
    }

    /** Closes every live generation; the loader calls it when it stops. */
    public void close() {
        for (LibraryMetrics metrics : libraries()) {
            metrics.close();
        }
    }

    private Boolean flag(String key) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                LOG.log(Level.WARNING, "nativebundle: framework property " + key + "=" + value
                        + " is neither true nor false; ignored");
                return null;
        }
    }
}
