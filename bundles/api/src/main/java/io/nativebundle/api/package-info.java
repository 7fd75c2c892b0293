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
 *
 * <p>2.0.0: the value types ({@link io.nativebundle.api.CheckResult},
 * {@link io.nativebundle.api.NativeBundleStatus}, {@link io.nativebundle.api.NativeSignature},
 * {@link io.nativebundle.api.NativeSymbol}, {@link io.nativebundle.api.SymbolStats},
 * {@link io.nativebundle.api.VerificationReport}) are final classes instead of records, with the same
 * constructors, factories and accessors, so that they can gain fields in a minor version. Source
 * compatible; a major version for the binary, because a record's superclass is
 * {@code java.lang.Record} (the bnd baseline reports it as MAJOR).
 *
 * <p>2.1.0: libraries that run out of process ({@link io.nativebundle.api.NativeBundleConstants#ISOLATION}):
 * {@link io.nativebundle.api.NativeHostCrashedException}, {@link io.nativebundle.api.NativeCallTimeoutException},
 * {@link io.nativebundle.api.NativeHostStatus}, {@link io.nativebundle.api.RefusalReason#HOST_CRASHED},
 * {@link io.nativebundle.api.NativeLibrary#isolation()} and {@link io.nativebundle.api.NativeLibrary#host()};
 * trust and locks: the refusal reasons {@link io.nativebundle.api.RefusalReason#UNTRUSTED} and
 * {@link io.nativebundle.api.RefusalReason#NOT_LOCKED}, the trust, lock file and tenant policy names
 * in {@link io.nativebundle.api.NativeBundleConstants},
 * {@link io.nativebundle.api.NativeLibrary#digests()} and the trust-store variant of
 * {@link io.nativebundle.api.NativeBundleVerifier#verify(java.nio.file.Path, java.nio.file.Path, String)}.
 *
 * <p>2.2.0: the C ABI real libraries use. {@link io.nativebundle.api.NativeType} gains the unsigned
 * types {@code UBYTE USHORT UINT ULONG} and {@code STRUCT}; {@link io.nativebundle.api.NativeStructType}
 * (a struct's layout), {@link io.nativebundle.api.NativeStruct} (a struct value, fields in order),
 * {@link io.nativebundle.api.NativeParameter} (name and direction: {@code out}, {@code inout}),
 * {@link io.nativebundle.api.NativeCallResult} (result, out values, errno) and
 * {@link io.nativebundle.api.NativeFunction#call}; {@link io.nativebundle.api.NativeSignature#parameterList()},
 * {@link io.nativebundle.api.NativeSignature#returnStructType()},
 * {@link io.nativebundle.api.NativeSignature#capturesErrno()},
 * {@link io.nativebundle.api.NativeSignature#fixedParameterCount()} (variadic declarations) and
 * {@link io.nativebundle.api.NativeSignature#isBasic()}; callbacks (upcalls):
 * {@link io.nativebundle.api.NativeType#CALLBACK}, {@link io.nativebundle.api.NativeCallback},
 * {@link io.nativebundle.api.NativeParameter#callbackSignature()} and
 * {@link io.nativebundle.api.NativeParameter#callbackName()}. Existing callers are unaffected:
 * {@code invoke} keeps its behaviour for every signature it accepted before. Native services across
 * machines: {@link io.nativebundle.api.NativeRemoteCallException}, {@link io.nativebundle.api.RemoteStats},
 * {@link io.nativebundle.api.NativeMetrics#remote()} and the {@code nativebundle.remote*} properties and
 * {@code export=remote} names in {@link io.nativebundle.api.NativeBundleConstants}.
 *
 * <p>2.3.0: the C ABI in typed interfaces, backends and the wire; each addition carries its own
 * {@code @since 2.3.0}.
 *
 * <p>2.3.0, structs by value in typed interfaces: {@link io.nativebundle.api.ByValue} on a
 * {@code jnr.ffi.Struct} parameter or on a method returning one passes it by value; such a method,
 * and one annotated jnr-ffi's {@code @Variadic}, is called through its declaration in
 * {@code NativeBundle-Symbols}, as its {@code NativeFunction} is.
 *
 * <p>2.3.0, typed leaves: a leaf declared in the manifest applies to the typed interface's method
 * of the same name as {@link io.nativebundle.api.NativeLeaf} does, and the typed service lists its
 * leaf methods in {@link io.nativebundle.api.NativeBundleConstants#LEAF_METHODS}.
 *
 * <p>2.3.0, struct values: {@link io.nativebundle.api.NativeStruct#of(NativeStructType, java.util.List)}
 * makes a struct from its values in field order, without a map.
 *
 * <p>2.3.0, the wire: {@link io.nativebundle.api.NativeSignature}, {@link io.nativebundle.api.NativeParameter},
 * {@link io.nativebundle.api.NativeStructType}, {@link io.nativebundle.api.NativeStruct} and
 * {@link io.nativebundle.api.NativeCallResult} are {@code Serializable} through checked serial forms,
 * so that a {@code NativeFunction} of the C ABI's values can be called through OSGi Remote Services.
 *
 * <p>2.3.0, the FFM backend: {@link io.nativebundle.api.NativeLibrary#backend()} and
 * {@link io.nativebundle.api.NativeBundleConstants#BACKEND_PROPERTY}, which forces {@code jnr} or {@code ffm},
 * and {@link io.nativebundle.api.NativeLeaf} for leaf calls; a leaf declared in the manifest
 * ({@link io.nativebundle.api.NativeBundleConstants#ATTR_LEAF}) is {@link io.nativebundle.api.NativeSymbol#leaf()}
 * and marks its {@code NativeFunction} service {@link io.nativebundle.api.NativeBundleConstants#LEAF}.
 *
 * <p>2.3.0, callback errors: {@link io.nativebundle.api.SymbolStats} counts the errors of the
 * callbacks passed to a symbol, {@code callbackExceptions()}, {@code staleCallbacks()} and
 * {@code refusedCallbacks()}, with a constructor that takes them.
 *
 * <p>2.3.0, typed interfaces: {@link io.nativebundle.api.NativeLibrary#lastErrno()} gives the
 * calling thread's last errno of a library's errno-capturing calls, typed ({@code @SaveError}) or
 * by name.
 */
@Export
@Version("2.3.0")
package io.nativebundle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
