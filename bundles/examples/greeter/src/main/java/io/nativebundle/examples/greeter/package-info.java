/**
 * The example {@code greeter} native library, a plugin with a same-bundle native dependency:
 * its typed interface, {@link io.nativebundle.examples.greeter.GreeterLib}.
 */
@Export
@Version("1.0.0")
package io.nativebundle.examples.greeter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
