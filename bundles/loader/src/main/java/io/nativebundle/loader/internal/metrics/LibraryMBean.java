package io.nativebundle.loader.internal.metrics;

/** Adapts {@link LibraryMetrics} to its MXBean interface. */
final class LibraryMBean implements LibraryMXBean {

    private final LibraryMetrics metrics;

    LibraryMBean(LibraryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String getLibrary() {
        return metrics.library().name();
    }

    @Override
    public String getTenant() {
        return metrics.library().tenant();
    }

    @Override
    public String getNamespace() {
        return metrics.library().namespace();
    }

    @Override
    public String getVersion() {
        return metrics.library().version().toString();
    }

    @Override
    public long getGeneration() {
        return metrics.library().generation();
    }

    @Override
    public long getCalls() {
        return metrics.symbols().stream().mapToLong(SymbolMetrics::calls).sum();
    }

    @Override
    public long getErrors() {
        return metrics.symbols().stream().mapToLong(SymbolMetrics::errors).sum();
    }

    @Override
    public String[] getSymbols() {
        return metrics.symbols().stream().map(SymbolMetrics::symbol).toArray(String[]::new);
    }

    @Override
    public boolean isEnabled() {
        return metrics.enabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        metrics.switchLibrary(enabled);
    }
}
