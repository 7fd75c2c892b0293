/**
 * Step 1, what a native bundle declares: its headers read with the contract's grammars (library,
 * symbols, digests), the {@code Bundle-NativeCode} clause for this platform chosen as the
 * framework chooses it, and path safety.
 */
package io.nativebundle.loader.internal.manifest;
