package io.nativebundle.loader.internal.remote;

import java.util.concurrent.atomic.AtomicLong;

import io.nativebundle.loader.internal.metrics.LatencyHistogram;

/**
 * The calls made through one imported library's endpoint (its typed service's, or one
 * function's): how many, how many failed, and their latency, kept
 * apart from the in-process calls of the library's local generations.
 */
final class RemoteCallStats {

    private final String library;
    private final String endpoint;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();

    RemoteCallStats(String library, String endpoint) {
        this.library = library;
        this.endpoint = endpoint;
    }

    /** The library imported. */
    String library() {
        return library;
    }

    /** The endpoint the import calls. */
    String endpoint() {
        return endpoint;
    }

    void called(long nanos, boolean failure) {
        calls.incrementAndGet();
        if (failure) {
            failed.incrementAndGet();
        }
        latency.record(nanos);
    }

    long calls() {
        return calls.get();
    }

    long failed() {
        return failed.get();
    }

    LatencyHistogram latency() {
        return latency;
    }
}
