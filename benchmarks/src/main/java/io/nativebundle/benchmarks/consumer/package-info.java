/**
 * The consumer side of the service benchmarks. These classes are packed into a small bundle at
 * run time ({@code io.nativebundle.benchmarks.osgi.ConsumerBundle}) that imports
 * {@code io.nativebundle.examples.math} and {@code io.nativebundle.api}, so they see the
 * framework's classes exactly as a consumer bundle does. Nothing on the benchmark's class path
 * refers to them by type.
 */
package io.nativebundle.benchmarks.consumer;
