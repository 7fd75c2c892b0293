package io.nativebundle.loader.internal.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free log-linear histogram of latencies in nanoseconds, of fixed size.
 *
 * <p>Values below 32 have a bucket each. Above, every power of two is split into 16 equal
 * buckets, so a bucket is at most 1/16 (6.25 %) of its values wide, for any {@code long}. That
 * is 960 buckets (7.5 KiB), whatever is recorded. Percentiles report the highest value of the
 * bucket they fall in (as HdrHistogram does), so they never understate a latency; the mean is
 * exact, from the sum of the recorded values.
 *
 * <pre>{@code
 * LatencyHistogram h = new LatencyHistogram();
 * h.record(120);
 * h.snapshot().percentile(99); // 123: the top of the bucket [120, 123]
 * }</pre>
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    /** Buckets: 16 exact ones, then 16 per power of two from 2^4 to 2^62. */
    static final int BUCKETS = SUB + (62 - SUB_BITS + 1) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder sum = new LongAdder();

    /** Records one latency; a negative value (a clock step) counts as 0. */
    public void record(long nanos) {
        long v = Math.max(0L, nanos);
        counts.incrementAndGet(index(v));
        sum.add(v);
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BITS;
        return (shift + 1) * SUB + (int) ((value >>> shift) & (SUB - 1));
    }

    /** The smallest value that falls into bucket {@code index}. */
    static long lowest(int index) {
        if (index < 2 * SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        return (long) (SUB + index % SUB) << shift;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highest(int index) {
        if (index < 2 * SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        return lowest(index) + (1L << shift) - 1;
    }

    /** A copy of the counts; concurrent records may or may not be in it. */
    public Snapshot snapshot() {
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        return new Snapshot(copy, total, sum.sum());
    }

    /** Counts frozen at one moment. */
    public static final class Snapshot {
        private final long[] counts;
        private final long total;
        private final long sum;

        Snapshot(long[] counts, long total, long sum) {
            this.counts = counts;
            this.total = total;
            this.sum = sum;
        }

        /** How many values were recorded. */
        public long count() {
            return total;
        }

        /** The mean of the recorded values, 0 when there are none. */
        public double mean() {
            return total == 0 ? 0.0 : (double) sum / total;
        }

        /**
         * The value below or at which {@code percent} of the recorded values lie, as the top of
         * its bucket; 0 when nothing was recorded.
         */
        public long percentile(double percent) {
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1L, (long) Math.ceil(percent * total / 100.0));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return highest(i);
                }
            }
            return highest(counts.length - 1);
        }
    }
}
