package io.nativebundle.api;

/**
 * Call statistics of one symbol since its library generation was loaded.
 *
 * @param library    the library name
 * @param symbol     the symbol name
 * @param calls      calls that completed (returned or threw)
 * @param errors     calls that threw, including calls refused after unload
 * @param meanNanos  mean latency of the timed calls, in nanoseconds
 * @param p50Nanos   median latency
 * @param p99Nanos   99th percentile latency
 */
public record SymbolStats(String library, String symbol, long calls, long errors,
                          double meanNanos, long p50Nanos, long p99Nanos) {
}
