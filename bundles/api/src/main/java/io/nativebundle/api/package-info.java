/**
 * The public API of nativebundle.
 *
 * <p>Consumers of native services find them in the OSGi service registry. A typed interface
 * declared by a native bundle is registered under that interface; every loaded library is also
 * described by a {@link io.nativebundle.api.NativeLibrary} service. All such services carry the
 * properties named in {@link io.nativebundle.api.NativeBundleConstants}.
 *
 * <pre>{@code
 * @Reference(target = "(nativebundle.library=math)")
 * MathLib math;
 * }</pre>
 */
@Export
@Version("1.3.0")
package io.nativebundle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
