package io.nativebundle.loader.internal.metrics;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.concurrent.atomic.LongAdder;

import io.nativebundle.api.SymbolStats;
import io.nativebundle.loader.internal.backend.UpcallErrors;

/**
 * Per-symbol call metrics: calls, errors and a latency histogram, and the errors of the
 * callbacks passed to the symbol ({@link UpcallErrors}). Guards call it around every
 * native call while metrics are on for the library.
 *
 * <p>Protocol used by generated guards and NativeFunction adapters (keep these signatures; a typed
 * guard asks {@link #anyEnabled()} first, the cheaper question while metrics are off everywhere):
 * <pre>{@code
 * if (!metrics.enabled()) return target.add(a, b);
 * long t = metrics.start();
 * try { int r = target.add(a, b); metrics.success(t); return r; }
 * catch (Throwable e) { metrics.failure(t); throw e; }
 * }</pre>
 *
 * <p>A call is counted when it starts, in the calling thread's own cell of a {@link CallCounter}:
 * a plain store, exact under any contention. Errors are rare and go to a {@link LongAdder}.
 *
 * <p>Timing is sampled, because two {@code System.nanoTime()} per call would cost more than the
 * call itself: each thread times all of its first {@value #TIME_ALL_FIRST} calls of a symbol, so a
 * symbol called a few times (from the shell, a test) shows a latency at once, and after that one
 * call in {@value #SAMPLE_EVERY}. Which call is picked by a hash of the thread's call number, not
 * every n-th call, so the samples cannot lock step with a periodic workload; an unsampled call
 * reads no clock at all, and its {@link #success} is one compare.
 */
public final class SymbolMetrics {

    /** After the first calls, one call in this many is timed; a power of two, so the pick is a mask. */
    static final int SAMPLE_EVERY = 64;
    /** Each thread times all of its first calls of a symbol. */
    static final int TIME_ALL_FIRST = 64;
    private static final long SAMPLE_MASK = SAMPLE_EVERY - 1;
    private static final long NOT_TIMED = 0L;

    /** How many symbol metrics of this runtime are enabled; changed under its own lock. */
    private static int enabledCount;
    /**
     * {@code enabledCount > 0}, what a typed guard asks before a symbol's own switch
     * ({@link #anyEnabled}), as the constant target of a call site: the JIT folds it into the
     * guard's code, so while metrics are off everywhere the question costs nothing, and changing it
     * (rare: metrics switched on or off) deoptimizes the code that folded it.
     */
    private static final MutableCallSite ANY_ENABLED = new MutableCallSite(MethodHandles.constant(boolean.class, false));
    private static final MethodHandle ANY_ENABLED_NOW = ANY_ENABLED.dynamicInvoker();
    /** What {@link #ANY_ENABLED} answers now; guarded by the class lock, as {@link #enabledCount}. */
    private static boolean anyEnabled;

    private final String library;
    private final String symbol;
    private volatile boolean enabled;
    /** Set by {@link #retire}; guarded by this. */
    private boolean retired;
    private final CallCounter calls = new CallCounter();
    private final LongAdder errors = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    /** Counted by the backend's upcall stubs, metrics on or off. */
    private final UpcallErrors callbackErrors = new UpcallErrors();

    public SymbolMetrics(String library, String symbol, boolean enabled) {
        this.library = library;
        this.symbol = symbol;
        this.enabled = enabled;
        if (enabled) {
            count(1);
        }
    }

    /**
     * Whether any symbol's metrics are enabled in this runtime: a constant of the compiled code,
     * which the typed guards ask before their method's {@link #enabled()} (two dependent loads), so
     * that while metrics are off everywhere, the default, a typed call pays nothing for metrics. It
     * is turned on, and every thread made to see it ({@link MutableCallSite#syncAll}), before the
     * symbol's own switch is read as on ({@link #setEnabled}), so no call of an enabled symbol is
     * missed. While it is on, every guard reads both, as before.
     */
    public static boolean anyEnabled() {
        try {
            return (boolean) ANY_ENABLED_NOW.invokeExact();
        } catch (Throwable impossible) {
            // a constant method handle throws nothing
            throw new AssertionError(impossible);
        }
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

    public synchronized void setEnabled(boolean on) {
        if (on == enabled) {
            return;
        }
        if (on) {
            // the runtime-wide switch first: a guard that sees this symbol on has seen it too
            count(retired ? 0 : 1);
            enabled = true;
        } else {
            enabled = false;
            count(retired ? 0 : -1);
        }
    }

    /**
     * The generation of these metrics is unloading and its metrics are forgotten: they no longer
     * keep {@link #anyEnabled} on, so a library unloaded with metrics on does not cost every other
     * typed call the second check. Its own switch stays as it was. Idempotent.
     */
    synchronized void retire() {
        if (!retired) {
            retired = true;
            if (enabled) {
                count(-1);
            }
        }
    }

    /** How many enabled, unretired symbol metrics there are (for tests). */
    static synchronized int enabledCount() {
        return enabledCount;
    }

    private static synchronized void count(int delta) {
        enabledCount += delta;
        boolean now = enabledCount > 0;
        if (now != anyEnabled) {
            anyEnabled = now;
            ANY_ENABLED.setTarget(MethodHandles.constant(boolean.class, now));
            MutableCallSite.syncAll(new MutableCallSite[] {ANY_ENABLED});
        }
    }

    /**
     * Called before the native call: counts it, and returns an opaque start token (a timestamp,
     * or 0 when the call is not timed).
     */
    public long start() {
        long n = calls.increment();
        if (n > TIME_ALL_FIRST && !sampled(n)) {
            return NOT_TIMED;
        }
        // 0 means "not timed"; losing a sample taken exactly at clock value 0 does not matter
        return System.nanoTime();
    }

    /** Whether a thread's {@code n}-th call is timed: one in {@value #SAMPLE_EVERY}, by a hash of n. */
    static boolean sampled(long n) {
        // the multiply-xorshift finalizer of SplitMix64, cut to one round: its top bits depend on every bit of n
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (z >>> 58 & SAMPLE_MASK) == 0;
    }

    /** Called after the native call returned. */
    public void success(long start) {
        if (start != NOT_TIMED) {
            latency.record(System.nanoTime() - start);
        }
    }

    /** Called after the native call threw (including a refused call after unload). */
    public void failure(long start) {
        errors.increment();
        if (start != NOT_TIMED) {
            latency.record(System.nanoTime() - start);
        }
    }

    /** Calls made (counted when they start), that returned, threw or are still running. */
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
        // start() counts the call before failure() counts its error, so reading errors first never shows more errors than calls
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
