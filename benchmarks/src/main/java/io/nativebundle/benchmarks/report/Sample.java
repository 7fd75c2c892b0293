package io.nativebundle.benchmarks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's measurement iterations (each an average over about a second of calls), over
 * all forks. The median of those iteration means is what the tables quote: on a shared, noisy
 * machine it ignores the odd disturbed iteration that moves the mean.
 *
 * @param median the median of the iteration means, ns/op
 * @param mean   JMH's score (the mean), ns/op
 * @param error  JMH's 99.9% confidence half-width of the mean, NaN with too few iterations
 * @param min    the fastest iteration mean
 * @param max    the slowest iteration mean
 * @param count  iterations over all forks
 */
public record Sample(double median, double mean, double error, double min, double max, int count) {

    /** The samples of a JMH run, by benchmark name ({@code package.Class.method}). */
    public static Map<String, Sample> of(Collection<RunResult> results) {
        Map<String, Sample> samples = new HashMap<>();
        for (RunResult run : results) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            double[] values = scores.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            samples.put(run.getParams().getBenchmark(), new Sample(Stats.median(values),
                    run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError(),
                    sorted.length == 0 ? Double.NaN : sorted[0], Stats.max(values), values.length));
        }
        return samples;
    }
}
