/**
 * The host's zlib as a native bundle: its typed interface, {@link io.nativebundle.examples.zlib.Zlib}.
 */
@Export
@Version("1.0.0")
package io.nativebundle.examples.zlib;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
