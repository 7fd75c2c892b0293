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
}
