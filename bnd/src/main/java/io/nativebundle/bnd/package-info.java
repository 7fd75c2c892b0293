/**
 * The nativebundle bnd plugin: {@link io.nativebundle.bnd.NativeBundlePlugin} reads the native
 * libraries of a bundle at build time and writes {@code Bundle-NativeCode},
 * {@code NativeBundle-Digest}, {@code NativeBundle-Symbols} and the nativebundle capabilities.
 *
 * <p>A build-time jar, not a bundle: bnd-maven-plugin loads it through {@code -plugin.nativebundle}.
 * Everything but the plugin class is package-private.
 */
package io.nativebundle.bnd;
