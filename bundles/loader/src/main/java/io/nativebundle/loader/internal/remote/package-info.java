/**
 * Native services across machines through OSGi Remote Services (Apache Aries RSA, the runtime's
 * optional role {@code remote}): which libraries this framework exports and with which
 * properties ({@link io.nativebundle.loader.internal.remote.RemoteExports}), which it imports
 * ({@link io.nativebundle.loader.internal.remote.RemoteImports}), and the imported services as
 * consumers see them ({@link io.nativebundle.loader.internal.remote.ImportedServices}): in the
 * import's tenant, failing with {@code NativeRemoteCallException}. The loader names no Aries type:
 * the properties are the specification's, and without Aries nothing here is active.
 * See docs/remote.md.
 */
package io.nativebundle.loader.internal.remote;
