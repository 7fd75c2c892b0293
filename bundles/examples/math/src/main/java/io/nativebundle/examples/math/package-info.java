/**
 * The example {@code math} native library: its typed interface, {@link io.nativebundle.examples.math.MathLib}.
 */
@Export
@Version("1.2.0")
package io.nativebundle.examples.math;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
