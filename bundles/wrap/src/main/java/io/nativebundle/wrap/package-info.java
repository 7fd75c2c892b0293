/**
 * Wraps a raw shared library and a small {@code .nativebundle} descriptor into a native bundle,
 * the way pax-url-wrap turns a plain jar into a bundle.
 *
 * <pre>
 * # libmath.nativebundle
 * library = math
 * version = 1.2.0
 *
 * [symbols]
 * add = (int,int)int
 * </pre>
 *
 * <pre>{@code
 * NativeWrapper.wrap(Path.of("libmath.so"), Path.of("libmath.nativebundle"), Path.of("math.jar"));
 * }</pre>
 *
 * <p>A bad descriptor ends in a {@link io.nativebundle.wrap.DescriptorException} that names the
 * file, line and column. Dropped into {@code plugins/}, descriptor and library are wrapped and
 * installed by FileInstall; the latest refusal of each descriptor is kept by the
 * {@link io.nativebundle.wrap.WrapStatus} service. A {@link io.nativebundle.wrap.SigningKey} signs
 * the bundle, or writes a drop-in's detached signature.
 */
@Export
@Version("1.1.0")
package io.nativebundle.wrap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
