/**
 * Tests of a native bundle in a real framework with the nativebundle runtime:
 * {@link io.nativebundle.testkit.NativeBundleTestKit#options} in a Pax Exam test.
 */
package io.nativebundle.testkit;
