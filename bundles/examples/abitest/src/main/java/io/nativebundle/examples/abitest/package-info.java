/**
 * The example {@code abitest} native library, the C ABI's test bed: its typed interface,
 * {@link io.nativebundle.examples.abitest.AbiTest}.
 */
@Export
@Version("1.0.0")
package io.nativebundle.examples.abitest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
