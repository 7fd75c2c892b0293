package io.nativebundle.loader.internal.metrics;

/**
 * The JMX view of one symbol's metrics, registered as
 * {@code io.nativebundle:type=Library,name=<library>,Symbol=<symbol>}. Latencies come from
 * sampled calls; see {@link SymbolMetrics}.
 */
public interface SymbolMXBean {

    String getLibrary();

    String getSymbol();

    long getCalls();

    long getErrors();

    double getMeanNanos();

    long getP50Nanos();

    long getP99Nanos();

    boolean isEnabled();

    /** Callbacks passed to the symbol that threw; see {@code SymbolStats.callbackExceptions()}. */
    long getCallbackExceptions();

    /** Upcalls refused because the callback's bundle had stopped; see {@code SymbolStats.staleCallbacks()}. */
    long getStaleCallbacks();

    /** Upcalls refused because the generation was being unloaded; see {@code SymbolStats.refusedCallbacks()}. */
    long getRefusedCallbacks();
}
