package io.nativebundle.benchmarks.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * What the lifecycle measurements found.
 *
 * @param install   the RESULT values of {@link InstallLatency}
 * @param scale     the RESULT values of {@link ScaleRun}, one map per N
 * @param coldStart the cold start samples in milliseconds, empty when it could not run
 * @param coldStartHow what was timed, e.g. the launcher command or the embedded stand-in
 * @param coldStartError why cold start was not measured, or null
 */
public record LifecycleResults(Map<String, String> install, List<Map<String, String>> scale,
                               double[] coldStart, String coldStartHow, String coldStartError) {
}
