/**
 * Per-symbol call counts and latency, as the {@code NativeMetrics} service and JMX MBeans.
 */
package io.nativebundle.loader.internal.metrics;
