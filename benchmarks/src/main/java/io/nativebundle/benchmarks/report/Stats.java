package io.nativebundle.benchmarks.report;

import java.util.Arrays;

/** Order statistics of a sample, by the nearest-rank method (a percentile is always an observed value). */
public final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0 &lt; p &le; 100) of the values; NaN for an empty sample. */
    public static double percentile(double[] values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * The median: the middle value, or the mean of the two middle values for an even count
     * (unlike {@link #percentile}, so that two JMH iterations give their midpoint).
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    public static double max(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsDouble();
    }
}
