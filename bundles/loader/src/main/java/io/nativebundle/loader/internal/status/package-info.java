/**
 * What operators see: the {@code NativeLibraryRegistry} service, the reason a bundle does not resolve,
 * and the lifecycle events.
 */
package io.nativebundle.loader.internal.status;
