/**
 * The nativebundle contract, written once: the names of the manifest headers and their
 * attributes ({@link io.nativebundle.contract.Headers}), the grammars of
 * {@code NativeBundle-Library} ({@link io.nativebundle.contract.LibraryHeader}),
 * {@code NativeBundle-Symbols} ({@link io.nativebundle.contract.SymbolsHeader}) and
 * {@code NativeBundle-Digest} ({@link io.nativebundle.contract.DigestHeader}), the signature
 * grammar ({@link io.nativebundle.contract.SignatureParser}), the tenant-id rule
 * ({@link io.nativebundle.contract.TenantId}), the ABI requirement ({@link io.nativebundle.contract.Abi})
 * and SHA-256 ({@link io.nativebundle.contract.Sha256}).
 *
 * <p>This package is not exported and has no version: it is embedded privately, the way bnd embeds
 * {@code aQute.lib}. A bundle that needs it says so in its {@code bnd.bnd}:
 * <pre>
 * -conditionalpackage: io.nativebundle.contract.*
 * </pre>
 * and bnd copies the classes it uses into the bundle. The bnd plugin and the launcher, which are
 * not bundles, use the jar as a plain dependency. So the build, the wrapper, the shell and the
 * loader read a header with the same code, and a bundle the build accepts is one the loader accepts.
 *
 * <p>Plain Java: no OSGi or bnd types, so it runs inside bnd's class loader and inside a framework
 * alike. Errors say what was expected and what was found, with the column where it helps.
 */
package io.nativebundle.contract;
