/**
 * The example {@code fnv} native library, written in Rust: its typed interface,
 * {@link io.nativebundle.examples.fnv.Fnv}. The bnd plugin makes the bundle import it as well as
 * export it (substitutable), so that consumers stay bound across an update of this bundle.
 */
@Export
@Version("1.0.0")
package io.nativebundle.examples.fnv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
