package io.nativebundle.loader.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/** Bucket arithmetic and deterministic percentiles. */
public class LatencyHistogramTest {

    @Test
    public void everyValueLiesInItsBucketAndBucketsAreAtMostOneSixteenthWide() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 5000 ? i : (random.nextLong() >>> 1) >>> random.nextInt(63);
            int index = LatencyHistogram.index(v);
            long low = LatencyHistogram.lowest(index);
            long high = LatencyHistogram.highest(index);
            assertTrue(v + " in [" + low + ", " + high + "]", low <= v && v <= high);
            assertTrue(v + ": bucket " + low + ".." + high + " too wide", high - low <= Math.max(0, low / 16));
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.index(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, LatencyHistogram.highest(LatencyHistogram.BUCKETS - 1));
    }

    @Test
    public void bucketsTileTheLongRangeWithoutGaps() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            assertEquals("bucket " + i, LatencyHistogram.highest(i - 1) + 1, LatencyHistogram.lowest(i));
        }
    }

    @Test
    public void percentilesAreTheTopOfTheirBucketAndTheMeanIsExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        LatencyHistogram.Snapshot s = h.snapshot();
        assertEquals(100, s.count());
        assertEquals(50.5, s.mean(), 0.0);
        assertEquals(51, s.percentile(50));   // 50 shares the bucket [50, 51]
        assertEquals(99, s.percentile(99));   // 99 is the top of [96, 99]
        assertEquals(103, s.percentile(100)); // 100 lies in [100, 103]
        assertEquals(1, s.percentile(0));
    }

    @Test
    public void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(3);
        h.record(3);
        h.record(31);
        assertEquals(3, h.snapshot().percentile(50));
        assertEquals(31, h.snapshot().percentile(99));
    }

    @Test
    public void anEmptyHistogramReportsZeroAndNegativeValuesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.snapshot().percentile(99));
        assertEquals(0.0, h.snapshot().mean(), 0.0);
        h.record(-5);
        assertEquals(0, h.snapshot().percentile(50));
        assertEquals(1, h.snapshot().count());
    }

    @Test
    public void aSkewedDistributionHasItsTailInP99() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            h.record(100);
        }
        for (int i = 0; i < 20; i++) {
            h.record(1_000_000);
        }
        LatencyHistogram.Snapshot s = h.snapshot();
        assertEquals(103, s.percentile(50));
        long p99 = s.percentile(99);
        assertTrue(p99 + " should be about 1 ms", p99 >= 1_000_000 && p99 < 1_000_000 + 1_000_000 / 16);
        assertEquals((980 * 100 + 20 * 1_000_000) / 1000.0, s.mean(), 0.0);
    }
}
