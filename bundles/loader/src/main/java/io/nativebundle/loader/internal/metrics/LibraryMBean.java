package io.nativebundle.loader.internal.metrics;

import java.util.Optional;

import io.nativebundle.api.NativeHostStatus;

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

    @Override
    public String getIsolation() {
        return metrics.library().isolation();
    }

    @Override
    public String getHostState() {
        return host().map(h -> h.state().name()).orElse("");
    }

    @Override
    public long getHostPid() {
        return host().flatMap(h -> h.pid().isPresent() ? Optional.of(h.pid().getAsLong()) : Optional.empty())
                .orElse(-1L);
    }

    @Override
    public int getHostRestarts() {
        return host().map(NativeHostStatus::restarts).orElse(0);
    }

    @Override
    public int getHostCrashes() {
        return host().map(NativeHostStatus::crashes).orElse(0);
    }

    @Override
    public int getCallTimeouts() {
        return host().map(NativeHostStatus::timeouts).orElse(0);
    }

    @Override
    public String getLastHostCrash() {
        return host().flatMap(NativeHostStatus::lastCrash).orElse("");
    }

    private Optional<NativeHostStatus> host() {
        return metrics.library().host();
    }
}
