package io.nativebundle.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.nativebundle.benchmarks.report.Stats;

public class StatsTest {

    @Test
    public void medianOfOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stats.median(new double[] {9, 1, 3}), 0);
    }

    @Test
    public void medianOfEvenCountIsTheMidpoint() {
        assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}), 0);
    }

    @Test
    public void percentilesAreObservedValuesByNearestRank() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = 200 - i; // 200 .. 1, unsorted on purpose
        }
        assertEquals(100.0, Stats.percentile(values, 50), 0);
        assertEquals(198.0, Stats.percentile(values, 99), 0);
        assertEquals(200.0, Stats.percentile(values, 100), 0);
        assertEquals(1.0, Stats.percentile(values, 0.1), 0);
    }

    @Test
    public void emptySampleHasNoMedian() {
        assertTrue(Double.isNaN(Stats.median(new double[0])));
        assertTrue(Double.isNaN(Stats.percentile(new double[0], 50)));
    }
}
