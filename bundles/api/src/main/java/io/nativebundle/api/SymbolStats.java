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
        this.library = library;
        this.symbol = symbol;
        this.calls = calls;
        this.errors = errors;
        this.meanNanos = meanNanos;
        this.p50Nanos = p50Nanos;
        this.p99Nanos = p99Nanos;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SymbolStats s && Objects.equals(library, s.library) && Objects.equals(symbol, s.symbol)
                && calls == s.calls && errors == s.errors && Double.compare(meanNanos, s.meanNanos) == 0
                && p50Nanos == s.p50Nanos && p99Nanos == s.p99Nanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, symbol, calls, errors, meanNanos, p50Nanos, p99Nanos);
    }

    @Override
    public String toString() {
        return "SymbolStats[library=" + library + ", symbol=" + symbol + ", calls=" + calls + ", errors=" + errors
                + ", meanNanos=" + meanNanos + ", p50Nanos=" + p50Nanos + ", p99Nanos=" + p99Nanos + "]";
    }
}
