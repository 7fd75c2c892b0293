package io.nativebundle.contract;

/**
 * The names of the manifest headers of a native bundle and of their attributes. The public API
 * repeats them as {@code NativeBundleConstants} (by reference, so there is one spelling).
 *
 * <pre>
 * NativeBundle-Library: math;version=1.2.0;interface=org.example.math.api.MathLib
 * NativeBundle-Library: vendor;version=3.1.0;isolation=process;timeout=2s;max-address-space=512m;max-cpu-time=60s
 * NativeBundle-Digest: native/linux/x86-64/libmath.so;sha256=&lt;64 hex&gt;
 * NativeBundle-Symbols: add;signature="(int,int)int", counter;kind=variable;type=int
 * NativeBundle-Tenant: acme
 * NativeBundle-Wrapped: libmath.nativebundle
 * NativeBundle-Prebuilt: cargo;abi=1.0.0
 * </pre>
 */
public final class Headers {

    /** The library declaration; see {@link LibraryHeader}. */
    public static final String LIBRARY = "NativeBundle-Library";
    /** The SHA-256 of each native file; see {@link DigestHeader}. */
    public static final String DIGEST = "NativeBundle-Digest";
    /** The exported symbols with their signatures; see {@link SymbolsHeader}. */
    public static final String SYMBOLS = "NativeBundle-Symbols";
    /** The tenant a bundle belongs to; see {@link TenantId}. */
    public static final String TENANT = "NativeBundle-Tenant";
    /** The runtime wrapped this bundle from a drop-in descriptor, named by the value. */
    public static final String WRAPPED = "NativeBundle-Wrapped";
    /**
     * The bundle's libraries were built by another toolchain (cargo, CMake, Make) without the
     * {@code .note.nativebundle} build note, for the ABI named by {@link #ATTR_ABI}:
     * {@code NativeBundle-Prebuilt: cargo;abi=1.0.0}; see {@link PrebuiltHeader}.
     */
    public static final String PREBUILT = "NativeBundle-Prebuilt";

    /** {@link #LIBRARY}: the library version (a range for a system library). */
    public static final String ATTR_VERSION = "version";
    /** {@link #LIBRARY}: the Java interface to bind. */
    public static final String ATTR_INTERFACE = "interface";
    /** {@link #LIBRARY}: the host library's file name, e.g. {@code libz.so.1}. */
    public static final String ATTR_SYSTEM = "system";
    /** {@link #LIBRARY}, system libraries only: the function that returns the version. */
    public static final String ATTR_VERSION_SYMBOL = "version-symbol";
    /** {@link #DIGEST}: the digest of an entry; {@link #LIBRARY}: an allow-list of host file digests. */
    public static final String ATTR_SHA256 = "sha256";
    /**
     * {@link #LIBRARY}: where the calls run, {@code process} or {@code in-process} (the default);
     * see {@link Isolation} and {@link IsolationSettings}.
     */
    public static final String ATTR_ISOLATION = "isolation";
    /**
     * {@link #LIBRARY} and {@link #SYMBOLS}: how long one call of a library run out of process may
     * take, e.g. {@code 2s}; a symbol's own overrides the library's.
     */
    public static final String ATTR_TIMEOUT = "timeout";
    /** {@link #LIBRARY}: the address space limit of the library's host process, e.g. {@code 256m}. */
    public static final String ATTR_MAX_ADDRESS_SPACE = "max-address-space";
    /** {@link #LIBRARY}: the CPU time limit of the library's host process, whole seconds, e.g. {@code 30s}. */
    public static final String ATTR_MAX_CPU_TIME = "max-cpu-time";
    /**
     * {@link #LIBRARY}: {@code remote} offers the library's typed service and its
     * {@code NativeFunction} services to other frameworks through OSGi Remote Services;
     * {@code none} (the default) keeps them in this framework. See {@link RemoteExport}.
     */
    public static final String ATTR_EXPORT = "export";
    /** {@link #PREBUILT}: the nativebundle ABI the prebuilt libraries target. */
    public static final String ATTR_ABI = "abi";
    /** {@link #SYMBOLS}: the signature of a function, e.g. {@code (int,int)int}. */
    public static final String ATTR_SIGNATURE = "signature";
    /** {@link #SYMBOLS}: {@link #KIND_FUNCTION} (the default) or {@link #KIND_VARIABLE}. */
    public static final String ATTR_KIND = "kind";
    /** {@link #SYMBOLS}: the type of a variable, e.g. {@code int}. */
    public static final String ATTR_TYPE = "type";
    /**
     * {@link #SYMBOLS}: {@code true} declares a function a leaf (short, never blocks, never calls
     * back), {@code false} (the default) does not; see {@link DeclaredSymbol#asLeaf()}.
     */
    public static final String ATTR_LEAF = "leaf";

    /** A value of {@link #ATTR_KIND}. */
    public static final String KIND_FUNCTION = "function";
    /** A value of {@link #ATTR_KIND}. */
    public static final String KIND_VARIABLE = "variable";

    private Headers() {
    }
}
