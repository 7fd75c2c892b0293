package io.nativebundle.loader.internal.metrics;

import io.nativebundle.api.SymbolStats;

/** Adapts {@link SymbolMetrics} to its MXBean interface, which keeps JMX names off the call path's class. */
final class SymbolMBean implements SymbolMXBean {

    private final SymbolMetrics metrics;

    SymbolMBean(SymbolMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String getLibrary() {
        return metrics.library();
    }

    @Override
    public String getSymbol() {
        return metrics.symbol();
    }

    @Override
    public long getCalls() {
        return metrics.calls();
    }

    @Override
    public long getErrors() {
        return metrics.errors();
    }

    @Override
    public double getMeanNanos() {
        return stats().meanNanos();
    }

    @Override
    public long getP50Nanos() {
        return stats().p50Nanos();
    }

    @Override
    public long getP99Nanos() {
        return stats().p99Nanos();
    }

    @Override
    public boolean isEnabled() {
        return metrics.enabled();
    }

    @Override
    public long getCallbackExceptions() {
        return metrics.callbackErrors().exceptions();
    }

    @Override
    public long getStaleCallbacks() {
        return metrics.callbackErrors().staleCalls();
    }

    @Override
    public long getRefusedCallbacks() {
        return metrics.callbackErrors().refusedCalls();
    }

    private SymbolStats stats() {
        return metrics.stats();
    }
}
