package io.nativebundle.loader.internal.metrics;

/**
 * Per-symbol call metrics: calls, errors and a latency histogram. Guards call it around every
 * native call while metrics are on for the library.
 *
 * <p>Protocol used by generated guards and NativeFunction adapters (keep these signatures):
 * <pre>{@code
 * if (!metrics.enabled()) return target.add(a, b);
 * long t = metrics.start();
 * try { int r = target.add(a, b); metrics.success(t); return r; }
 * catch (Throwable e) { metrics.failure(t); throw e; }
 * }</pre>
 */
public final class SymbolMetrics {

    private final String library;
    private final String symbol;
    private volatile boolean enabled;

    public SymbolMetrics(String library, String symbol, boolean enabled) {
        this.library = library;
        this.symbol = symbol;
        this.enabled = enabled;
    }

    public String library() {
        return library;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether calls are counted and timed; read on every call, so it is one volatile load. */
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean on) {
        enabled = on;
    }

    /** Called before the native call; returns an opaque start token (a timestamp, or 0 when not sampled). */
    public long start() {
        return 0L;
    }

    /** Called after the native call returned. */
    public void success(long start) {
    }

    /** Called after the native call threw (including a refused call after unload). */
    public void failure(long start) {
    }
}
