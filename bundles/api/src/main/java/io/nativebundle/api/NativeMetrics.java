package io.nativebundle.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-symbol call metrics of the loaded native libraries. Metrics can be switched off per
 * library; the typed call path then pays nothing for them.
 */
@ProviderType
public interface NativeMetrics {

    /** The statistics of every symbol of every loaded library. */
    List<SymbolStats> stats();

    /** The statistics of the symbols of one library, empty when it is not loaded. */
    List<SymbolStats> stats(String library);

    /** Whether metrics are collected for the library. */
    boolean isEnabled(String library);

    /** Switches metrics for the library on or off; it also applies to later loads of that library. */
    void setEnabled(String library, boolean enabled);

    /**
     * The calls made through each library imported from another framework, kept apart from the
     * local generations' symbols; empty when nothing is imported.
     *
     * @since 2.2
     */
    default List<RemoteStats> remote() {
        return List.of();
    }
}
