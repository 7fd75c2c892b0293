package io.nativebundle.api;

import java.util.Objects;

/**
 * Call statistics of one symbol since its library generation was loaded.
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users.
 */
public final class SymbolStats {

    private final String library;
    private final String symbol;
    private final long calls;
    private final long errors;
    private final double meanNanos;
    private final long p50Nanos;
    private final long p99Nanos;
    private final long callbackExceptions;
    private final long staleCallbacks;
    private final long refusedCallbacks;

    /**
     * @param library    the library name
     * @param symbol     the symbol name
     * @param calls      calls that completed (returned or threw)
     * @param errors     calls that threw, including calls refused after unload
     * @param meanNanos  mean latency of the timed calls, in nanoseconds
     * @param p50Nanos   median latency
     * @param p99Nanos   99th percentile latency
     */
    public SymbolStats(String library, String symbol, long calls, long errors, double meanNanos, long p50Nanos,
            long p99Nanos) {
        this(library, symbol, calls, errors, meanNanos, p50Nanos, p99Nanos, 0, 0, 0);
    }

    /**
     * With the callback errors of the symbol: those of the upcall stubs made for calls of it
     * (the callbacks its callers passed), whichever thread C called them on.
     *
     * @param library            the library name
     * @param symbol             the symbol name
     * @param calls              calls that completed (returned or threw)
     * @param errors             calls that threw, including calls refused after unload
     * @param meanNanos          mean latency of the timed calls, in nanoseconds
     * @param p50Nanos           median latency
     * @param p99Nanos           99th percentile latency
     * @param callbackExceptions callbacks that threw (or returned a value their type cannot hold)
     * @param staleCallbacks     upcalls refused because the bundle that supplied the callback had stopped
     * @param refusedCallbacks   upcalls refused because the library generation was being unloaded
     * @since 2.3.0
     */
    public SymbolStats(String library, String symbol, long calls, long errors, double meanNanos, long p50Nanos,
            long p99Nanos, long callbackExceptions, long staleCallbacks, long refusedCallbacks) {
        this.library = library;
        this.symbol = symbol;
        this.calls = calls;
        this.errors = errors;
        this.meanNanos = meanNanos;
        this.p50Nanos = p50Nanos;
        this.p99Nanos = p99Nanos;
        this.callbackExceptions = callbackExceptions;
        this.staleCallbacks = staleCallbacks;
        this.refusedCallbacks = refusedCallbacks;
    }

    /** The library name. */
    public String library() {
        return library;
    }

    /** The symbol name. */
    public String symbol() {
        return symbol;
    }

    /** Calls that completed (returned or threw). */
    public long calls() {
        return calls;
    }

    /** Calls that threw, including calls refused after unload. */
    public long errors() {
        return errors;
    }

    /** Mean latency of the timed calls, in nanoseconds. */
    public double meanNanos() {
        return meanNanos;
    }

    /** Median latency, in nanoseconds. */
    public long p50Nanos() {
        return p50Nanos;
    }

    /** 99th percentile latency, in nanoseconds. */
    public long p99Nanos() {
        return p99Nanos;
    }

    /**
     * Callbacks passed to this symbol that threw, or returned a value their return type cannot
     * hold: C got zero, and the enclosing call on the same thread rethrew the exception (it is
     * logged when there was none). Counted whether metrics are on or off.
     *
     * @since 2.3.0
     */
    public long callbackExceptions() {
        return callbackExceptions;
    }

    /**
     * Upcalls of callbacks passed to this symbol that C made after the bundle that supplied the
     * callback stopped: refused, never entered, zero returned to C. Counted whether metrics are
     * on or off.
     *
     * @since 2.3.0
     */
    public long staleCallbacks() {
        return staleCallbacks;
    }

    /**
     * Upcalls of callbacks passed to this symbol that C made after the unload of the library
     * generation started: refused, never entered, zero returned to C. Counted whether metrics are
     * on or off.
     *
     * @since 2.3.0
     */
    public long refusedCallbacks() {
        return refusedCallbacks;
    }

    /**
     * All callback errors: {@link #callbackExceptions()}, {@link #staleCallbacks()} and
     * {@link #refusedCallbacks()}.
     *
     * @since 2.3.0
     */
    public long callbackErrors() {
        return callbackExceptions + staleCallbacks + refusedCallbacks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymbolStats s && Objects.equals(library, s.library) && Objects.equals(symbol, s.symbol)
                && calls == s.calls && errors == s.errors && Double.compare(meanNanos, s.meanNanos) == 0
                && p50Nanos == s.p50Nanos && p99Nanos == s.p99Nanos && callbackExceptions == s.callbackExceptions
                && staleCallbacks == s.staleCallbacks && refusedCallbacks == s.refusedCallbacks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, symbol, calls, errors, meanNanos, p50Nanos, p99Nanos, callbackExceptions,
                staleCallbacks, refusedCallbacks);
    }

    @Override
    public String toString() {
        return "SymbolStats[library=" + library + ", symbol=" + symbol + ", calls=" + calls + ", errors=" + errors
                + ", meanNanos=" + meanNanos + ", p50Nanos=" + p50Nanos + ", p99Nanos=" + p99Nanos + ", callbackExceptions=" + callbackExceptions + ", staleCallbacks="
                + staleCallbacks + ", refusedCallbacks=" + refusedCallbacks + "]";
    }
}
