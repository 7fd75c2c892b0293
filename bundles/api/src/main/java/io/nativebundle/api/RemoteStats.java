package io.nativebundle.api;

/**
 * Call statistics of one library imported from another framework
 * ({@code nativebundle.remote=imported}), kept apart from the calls of local generations: every
 * call through the import since it appeared, whether it returned or failed (a
 * {@link NativeRemoteCallException} or what the library threw on the other side), and the
 * latency as the caller saw it, transport included.
 *
 * <p>A value, a final class so that it can gain a field without breaking its users' binaries.
 *
 * @since 2.2
 */
public final class RemoteStats {

    private final String library;
    private final String endpoint;
    private final long calls;
    private final long errors;
    private final double meanNanos;
    private final long p50Nanos;
    private final long p99Nanos;

    /**
     * @param library   the library name
     * @param endpoint  the endpoint the import calls, e.g. {@code tcp://127.0.0.1:9100}
     * @param calls     calls that completed (returned or threw)
     * @param errors    calls that threw
     * @param meanNanos mean latency, in nanoseconds
     * @param p50Nanos  median latency
     * @param p99Nanos  99th percentile latency
     */
    public RemoteStats(String library, String endpoint, long calls, long errors, double meanNanos, long p50Nanos,
            long p99Nanos) {
        this.library = library;
        this.endpoint = endpoint;
        this.calls = calls;
        this.errors = errors;
        this.meanNanos = meanNanos;
        this.p50Nanos = p50Nanos;
        this.p99Nanos = p99Nanos;
    }

    public String library() {
        return library;
    }

    public String endpoint() {
        return endpoint;
    }

    public long calls() {
        return calls;
    }

    public long errors() {
        return errors;
    }

    public double meanNanos() {
        return meanNanos;
    }

    public long p50Nanos() {
        return p50Nanos;
    }

    public long p99Nanos() {
        return p99Nanos;
    }

    @Override
    public String toString() {
        return library + " at " + endpoint + ": " + calls + " calls, " + errors + " errors, p50 " + p50Nanos + " ns";
    }
}
