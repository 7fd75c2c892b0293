package io.nativebundle.loader.internal.remote;

import java.util.concurrent.atomic.AtomicLong;

import io.nativebundle.loader.internal.metrics.LatencyHistogram;

/**
 * The calls made through one imported library: how many, how many failed, and their latency, kept
 * apart from the in-process calls of the library's local generations.
 */
public final class RemoteCallStats {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();

    void called(long nanos, boolean failure) {
        calls.incrementAndGet();
        if (failure) {
            failed.incrementAndGet();
        }
        latency.record(nanos);
    }

    public long calls() {
        return calls.get();
    }

    public long failed() {
        return failed.get();
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
