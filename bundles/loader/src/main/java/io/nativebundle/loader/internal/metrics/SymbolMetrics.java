package io.nativebundle.loader.internal.metrics;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import io.nativebundle.api.SymbolStats;
import io.nativebundle.loader.internal.backend.UpcallErrors;

/**
 * Per-symbol call metrics: calls, errors and a latency histogram, and the errors of the
 * callbacks passed to the symbol ({@link UpcallErrors}). Guards call it around every
 * native call while metrics are on for the library.
 *
 * <p>Protocol used by generated guards and NativeFunction adapters (keep these signatures):
 * <pre>{@code
 * if (!metrics.enabled()) return target.add(a, b);
 * long t = metrics.start();
 * try { int r = target.add(a, b); metrics.success(t); return r; }
 * catch (Throwable e) { metrics.failure(t); throw e; }
 * }</pre>
 *
 * <p>Counting is exact ({@link LongAdder}s, no lost updates under contention). Timing is
 * sampled: {@link #start()} reads the clock for one call in {@value #SAMPLE_EVERY}, picked by the
 * calling thread's {@link ThreadLocalRandom}, because two {@code System.nanoTime()} per call
 * would cost more than the call itself. A random pick, unlike every n-th call, cannot lock
 * step with a periodic workload.
 */
public final class SymbolMetrics {

    /** One call in this many is timed; a power of two, so the pick is a mask. */
    static final int SAMPLE_EVERY = 16;
    private static final int SAMPLE_MASK = SAMPLE_EVERY - 1;
    private static final long NOT_TIMED = 0L;

    private final String library;
    private final String symbol;
    private volatile boolean enabled;
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    /** Counted by the backend's upcall stubs, metrics on or off. */
    private final UpcallErrors callbackErrors = new UpcallErrors();
    /**
     * The first calls are all timed, so that a symbol called a few times (from the shell, say)
     * shows a latency at once. A plain field: a lost decrement under a race only times one
     * call more, and a plain read costs nothing on the hot path.
     */
    private int timeAllBudget = 64;

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
        if (timeAllBudget > 0) {
            timeAllBudget--;
            return System.nanoTime();
        }
        if ((ThreadLocalRandom.current().nextInt() & SAMPLE_MASK) != 0) {
            return NOT_TIMED;
        }
        // 0 means "not timed"; losing a sample taken exactly at clock value 0 does not matter
        return System.nanoTime();
    }

    /** Called after the native call returned. */
    public void success(long start) {
        calls.increment();
        if (start != NOT_TIMED) {
            latency.record(System.nanoTime() - start);
        }
    }

    /** Called after the native call threw (including a refused call after unload). */
    public void failure(long start) {
        calls.increment();
        errors.increment();
        if (start != NOT_TIMED) {
            latency.record(System.nanoTime() - start);
        }
    }

    /** Calls that completed, returned or threw. */
    public long calls() {
        return calls.sum();
    }

    /** Calls that threw. */
    public long errors() {
        return errors.sum();
    }

    /** Where the upcall stubs of the callbacks passed to this symbol count their errors. */
    public UpcallErrors callbackErrors() {
        return callbackErrors;
    }

    /** The counters and the latency summary now. */
    public SymbolStats stats() {
        LatencyHistogram.Snapshot s = latency.snapshot();
        // failure() counts the call before the error, so reading errors first never shows more errors than calls
        long e = errors.sum();
        long c = calls.sum();
        return new SymbolStats(library, symbol, Math.max(c, e), e, s.mean(), s.percentile(50), s.percentile(99),
                callbackErrors.exceptions(), callbackErrors.staleCalls(), callbackErrors.refusedCalls());
    }

    /** How many calls were timed; for tests of the sampling. */
    long timed() {
        return latency.snapshot().count();
    }

    @Override
    public String toString() {
        return "SymbolMetrics[" + library + ":" + symbol + (enabled ? "" : ", off") + "]";
    }
}
