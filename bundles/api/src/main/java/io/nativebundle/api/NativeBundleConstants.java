package io.nativebundle.api;

import io.nativebundle.contract.Abi;
import io.nativebundle.contract.Extender;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.Isolation;
import io.nativebundle.contract.LibraryCapability;
import io.nativebundle.contract.RemoteExport;
import io.nativebundle.contract.TenantId;

/**
 * The names of the nativebundle contract: manifest headers, service properties, capability
 * namespaces and framework properties. Other bundles, tests and operators depend on these
 * exact strings. The header, attribute, namespace and tenant names are the contract's own
 * (the constants refer to them), so the build, the wrapper and the loader spell them the same way.
 *
 * <p>Example: find the {@code add} function of the {@code math} library by name.
 * <pre>{@code
 * String filter = "(&(" + NativeBundleConstants.LIBRARY + "=math)("
 *         + NativeBundleConstants.SYMBOL + "=add))";
 * }</pre>
 *
 * <p><b>System libraries.</b> A native bundle may take its library from the host instead of
 * shipping it. It then has no {@code Bundle-NativeCode} and no {@code NativeBundle-Digest}:
 * <pre>
 * NativeBundle-Library: z;system=libz.so.1;version="[1.2,2)";version-symbol=zlibVersion;interface=org.example.Zlib
 * NativeBundle-Library: z;system=libz.so.1;version="[1.2,2)";sha256="&lt;64 hex&gt;,&lt;64 hex&gt;"
 * </pre>
 * {@link #ATTR_SYSTEM} is a file name (no {@code '/'}) looked up on the host's default library
 * search path ({@code /etc/ld.so.conf}, the multiarch directories, {@code /lib64}, {@code /usr/lib},
 * never {@code LD_LIBRARY_PATH}); the loader opens the real file in place, never a copy.
 * {@link #ATTR_VERSION} is a version range, or a plain version meaning "at least"; the host
 * library's actual version must lie inside, read from the {@link #ATTR_VERSION_SYMBOL} function
 * when given, else from the real file name ({@code libz.so.1.2.13}), else from the {@code SONAME}.
 * {@link #ATTR_SHA256} is an optional allow-list of the real file's digests. The services carry
 * the actual version in {@link #VERSION}.
 *
 * <p>Over 300 lines on purpose: it is the one list of the contract's names (headers, service
 * properties, framework properties, event topics), each with its Javadoc, so that users find
 * every name in one place.
 */
public final class NativeBundleConstants {

    // --- manifest headers of a native bundle ---

    /** {@code NativeBundle-Library: math;version=1.2.0;interface=org.example.math.api.MathLib}. */
    public static final String HEADER_LIBRARY = Headers.LIBRARY;
    /** {@code NativeBundle-Digest: native/linux/x86-64/libmath.so;sha256=<64 hex>, ...}. */
    public static final String HEADER_DIGEST = Headers.DIGEST;
    /** {@code NativeBundle-Symbols: add;signature="(int,int)int", counter;kind=variable;type=int}. */
    public static final String HEADER_SYMBOLS = Headers.SYMBOLS;
    /** {@code NativeBundle-Tenant: acme}: the tenant a bundle belongs to. */
    public static final String HEADER_TENANT = Headers.TENANT;
    /**
     * {@code NativeBundle-Wrapped: libfoo.nativebundle}: the runtime wrapped this bundle from a
     * drop-in descriptor. Its library may be a third-party build without the
     * {@code .note.nativebundle} build note; its {@link #HEADER_DIGEST} still pins the binary.
     * @since 1.2
     */
    public static final String HEADER_WRAPPED = Headers.WRAPPED;
    /**
     * {@code NativeBundle-Prebuilt: cargo;abi=1.0.0}: the bundle's libraries were built by another
     * toolchain (cargo, CMake, Make) without the {@code .note.nativebundle} build note of
     * {@code nativebundle.h}, for the ABI named by {@link #ATTR_ABI}. The author writes it in
     * {@code bnd.bnd}; the bnd plugin then accepts libraries without the note and derives the ABI
     * requirement from it, and the loader skips the build-note check as for
     * {@link #HEADER_WRAPPED}. Everything else is checked, and {@link #HEADER_DIGEST} pins the binaries.
     * @since 2.0
     */
    public static final String HEADER_PREBUILT = Headers.PREBUILT;
    /**
     * Attribute of {@link #HEADER_PREBUILT}: the nativebundle ABI the prebuilt libraries target.
     * @since 2.0
     */
    public static final String ATTR_ABI = Headers.ATTR_ABI;

    /** Attribute of {@link #HEADER_LIBRARY}: the library version. */
    public static final String ATTR_VERSION = Headers.ATTR_VERSION;
    /** Attribute of {@link #HEADER_LIBRARY}: the Java interface to bind. */
    public static final String ATTR_INTERFACE = Headers.ATTR_INTERFACE;
    /** Attribute of {@link #HEADER_LIBRARY}: the library comes from the host, e.g. {@code libz.so.1}. */
    public static final String ATTR_SYSTEM = Headers.ATTR_SYSTEM;
    /**
     * Attribute of {@link #HEADER_LIBRARY} for a system library: an exported function
     * {@code const char *f(void)} that returns the library's version, e.g. {@code zlibVersion}.
     *
     * @since 1.2
     */
    public static final String ATTR_VERSION_SYMBOL = Headers.ATTR_VERSION_SYMBOL;
    /**
     * Attribute of {@link #HEADER_DIGEST}: the SHA-256 of the entry, 64 lowercase hex digits. Also
     * an attribute of {@link #HEADER_LIBRARY} for a system library: a comma-separated allow-list of
     * the digests the host file may have.
     */
    public static final String ATTR_SHA256 = Headers.ATTR_SHA256;
    /**
     * Attribute of {@link #HEADER_LIBRARY}: {@code process} runs the library's calls in a host
     * process of its own; {@code in-process} (the default) in the JVM.
     * @since 2.1
     */
    public static final String ATTR_ISOLATION = Headers.ATTR_ISOLATION;
    /**
     * Attribute of {@link #HEADER_LIBRARY} and {@link #HEADER_SYMBOLS}: how long one call of a
     * library run out of process may take, e.g. {@code 2s} or {@code 250ms}; a symbol's own
     * overrides its library's. A call that overruns it throws {@link NativeCallTimeoutException}.
     * @since 2.1
     */
    public static final String ATTR_TIMEOUT = Headers.ATTR_TIMEOUT;
    /**
     * Attribute of {@link #HEADER_LIBRARY}: the address space limit ({@code RLIMIT_AS}) of the
     * library's host process, e.g. {@code 512m}.
     * @since 2.1
     */
    public static final String ATTR_MAX_ADDRESS_SPACE = Headers.ATTR_MAX_ADDRESS_SPACE;
    /**
     * Attribute of {@link #HEADER_LIBRARY}: the CPU time limit ({@code RLIMIT_CPU}) of the library's
     * host process, whole seconds, e.g. {@code 60s}.
     * @since 2.1
     */
    public static final String ATTR_MAX_CPU_TIME = Headers.ATTR_MAX_CPU_TIME;
    /** Attribute of {@link #HEADER_SYMBOLS}: the signature, e.g. {@code (int,int)int}. */
    public static final String ATTR_SIGNATURE = Headers.ATTR_SIGNATURE;
    /** Attribute of {@link #HEADER_SYMBOLS}: {@code function} (default) or {@code variable}. */
    public static final String ATTR_KIND = Headers.ATTR_KIND;
    /** Attribute of {@link #HEADER_SYMBOLS}: the type of a variable, e.g. {@code int}. */
    public static final String ATTR_TYPE = Headers.ATTR_TYPE;
    /**
     * Attribute of {@link #HEADER_SYMBOLS}: {@code true} declares a function a leaf (see
     * {@link NativeSymbol#leaf()}); never on a function with a callback parameter.
     *
     * @since 2.3.0
     */
    public static final String ATTR_LEAF = Headers.ATTR_LEAF;

    // --- service properties of every registered native service ---

    /** The library name, e.g. {@code math}. */
    public static final String LIBRARY = "nativebundle.library";
    /** The library version, an {@link org.osgi.framework.Version}. */
    public static final String VERSION = "nativebundle.version";
    /** The symbol name, on {@code NativeFunction} and {@code NativeVariable} services. */
    public static final String SYMBOL = "nativebundle.symbol";
    /**
     * {@code Boolean.TRUE} on the {@code NativeFunction} service of a function declared a leaf
     * ({@link #ATTR_LEAF}); absent otherwise.
     *
     * @since 2.3.0
     */
    public static final String LEAF = "nativebundle.leaf";
    /**
     * {@code String[]} on a typed service: the names of its interface's methods that are leaves,
     * sorted: annotated {@link NativeLeaf}, or whose symbol {@code NativeBundle-Symbols} declares a
     * leaf ({@link #ATTR_LEAF}). Absent when none is. The FFM backend calls these with a critical
     * downcall; the others call them as any method.
     *
     * @since 2.3.0
     */
    public static final String LEAF_METHODS = "nativebundle.leaf.methods";
    /** The platform the loaded file was built for, e.g. {@code linux-x86-64}. */
    public static final String PLATFORM = "nativebundle.platform";
    /** The SHA-256 of the loaded file, 64 lowercase hex digits. */
    public static final String SHA256 = "nativebundle.sha256";
    /** {@code <tenant>/<library>/v<major>}, e.g. {@code acme/math/v1}. */
    public static final String NAMESPACE = "nativebundle.namespace";
    /** The tenant that owns the service, {@code default} when none was given. */
    public static final String TENANT = "nativebundle.tenant";
    /** The library generation the service is bound to; it grows with every load. */
    public static final String GENERATION = "nativebundle.generation";
    /**
     * The backend that calls the library's native code: {@code jnr} (jnr-ffi, in process),
     * {@code ffm} (Java's foreign function API, in process, on a JVM of 22 or later; since 2.3.0) or
     * {@code host} (a host process of the library's own, see {@link #ISOLATION}).
     */
    public static final String BACKEND = "nativebundle.backend";
    /**
     * Framework property: the in-process backend, {@code jnr} or {@code ffm}. Unset, the loader takes
     * {@code ffm} on a JVM of 22 or later where the {@code io.nativebundle.ffm} fragment is attached to
     * it, {@code jnr} otherwise. A value it cannot honour (another name, {@code ffm} on Java 17 or
     * without the fragment) is logged as an error naming what was expected and found, and the loader
     * runs on {@code jnr}.
     *
     * @since 2.3.0
     */
    public static final String BACKEND_PROPERTY = "io.nativebundle.backend";
    /**
     * Where the library's calls run: {@link #ISOLATION_IN_PROCESS} or {@link #ISOLATION_PROCESS}.
     * @since 2.1
     */
    public static final String ISOLATION = "nativebundle.isolation";
    /**
     * A value of {@link #ISOLATION} and {@link #ATTR_ISOLATION}: in the JVM's process, the default.
     * @since 2.1
     */
    public static final String ISOLATION_IN_PROCESS = Isolation.IN_PROCESS_TOKEN;
    /**
     * A value of {@link #ISOLATION} and {@link #ATTR_ISOLATION}: in a host process of the library's
     * own, whose crash never takes the JVM down.
     * @since 2.1
     */
    public static final String ISOLATION_PROCESS = Isolation.PROCESS_TOKEN;

    // --- native services across machines (OSGi Remote Services, docs/remote.md) --------------

    /**
     * {@code NativeBundle-Library}: {@value io.nativebundle.contract.Headers#ATTR_EXPORT}={@link #EXPORT_REMOTE}
     * offers the library's typed service and its {@link NativeFunction} services to other frameworks.
     * @since 2.2
     */
    public static final String ATTR_EXPORT = Headers.ATTR_EXPORT;
    /** The value of {@link #ATTR_EXPORT} that exports the library. @since 2.2 */
    public static final String EXPORT_REMOTE = RemoteExport.REMOTE_TOKEN;
    /**
     * Service property: {@link #REMOTE_EXPORTED} on a service this framework offers to others,
     * {@link #REMOTE_IMPORTED} on one that calls a library in another framework.
     * @since 2.2
     */
    public static final String REMOTE = "nativebundle.remote";
    /** A value of {@link #REMOTE}. @since 2.2 */
    public static final String REMOTE_EXPORTED = "exported";
    /** A value of {@link #REMOTE}. @since 2.2 */
    public static final String REMOTE_IMPORTED = "imported";
    /** Service property of an imported service: the endpoint it calls, e.g. {@code tcp://127.0.0.1:9100}. @since 2.2 */
    public static final String REMOTE_ENDPOINT = "nativebundle.remote.endpoint";
    /**
     * Service property of an imported service: the id ({@code org.osgi.framework.uuid}) of the
     * framework that exports it, when the import knows it.
     * @since 2.2
     */
    public static final String REMOTE_FRAMEWORK = "nativebundle.remote.framework";
    /**
     * Framework property: which libraries this framework exports whatever their bundles say, as
     * clauses {@code <library or *>[;tenant=<id>][;port=<n>][;timeout=<duration>]}, e.g.
     * {@code math;port=9100, *;tenant=acme}. Exports are off by default.
     * @since 2.2
     */
    public static final String REMOTE_EXPORT_PROPERTY = "io.nativebundle.remote.export";
    /**
     * Framework property: the libraries this framework imports from others, as clauses
     * {@code <library>;interface=<type>;endpoint=tcp://<host>:<port>[;tenant=<id>][;timeout=<duration>][;framework=<uuid>]}.
     * The imported services belong to the tenant named here ({@link #DEFAULT_TENANT} by default),
     * never to one the other side claims.
     * @since 2.2
     */
    public static final String REMOTE_IMPORT_PROPERTY = "io.nativebundle.remote.import";
    /**
     * Framework property: the host name exported endpoints advertise; {@code 127.0.0.1} by default,
     * so that nothing is offered beyond this machine unless an operator says so.
     * @since 2.2
     */
    public static final String REMOTE_HOST_PROPERTY = "io.nativebundle.remote.host";

    /** The tenant of bundles that declare none. */
    public static final String DEFAULT_TENANT = TenantId.DEFAULT;

    // --- capabilities ---

    /** The namespace of the ABI capability the runtime provides and native bundles require. */
    public static final String ABI_NAMESPACE = Abi.NAMESPACE;
    /** The namespace of the capability each native bundle provides for its library. */
    public static final String LIBRARY_NAMESPACE = LibraryCapability.NAMESPACE;
    /**
     * The name of the extender that loads native bundles: the loader provides the
     * {@code osgi.extender} capability of this name, and extends only bundles wired to it.
     */
    public static final String EXTENDER = Extender.NAME;
    /** The version of the extender capability; its major version changes when the contract breaks. */
    public static final String EXTENDER_VERSION = Extender.VERSION;
    /**
     * The requirement on the extender that the bnd plugin and the wrapper write into every native
     * bundle, as the Declarative Services annotations do for {@code osgi.component}.
     */
    public static final String EXTENDER_REQUIREMENT = Extender.REQUIREMENT;

    // --- framework properties read by the runtime ---

    /** Folder of the loader's per-revision native cache. */
    public static final String CACHE_DIR_PROPERTY = "io.nativebundle.cache.dir";
    /** The host's libc flavour, {@code glibc} or {@code musl}, set by the launcher. */
    public static final String LIBC_PROPERTY = "io.nativebundle.libc";
    /** The host's glibc version, e.g. {@code 2.36}, set by the launcher. */
    public static final String GLIBC_VERSION_PROPERTY = "io.nativebundle.glibc.version";
    /**
     * After this many host crashes within {@link #HOST_CRASH_WINDOW_PROPERTY} a library is refused
     * with {@link RefusalReason#HOST_CRASHED}; default 5.
     * @since 2.1
     */
    public static final String HOST_CRASH_LIMIT_PROPERTY = "io.nativebundle.host.crash.limit";
    /**
     * The window of {@link #HOST_CRASH_LIMIT_PROPERTY}, a duration such as {@code 60s}; default 60s.
     * @since 2.1
     */
    public static final String HOST_CRASH_WINDOW_PROPERTY = "io.nativebundle.host.crash.window";
    /**
     * The first pause before a crashed host is started again, a duration; it doubles with every
     * crash in the window, up to {@link #HOST_RESTART_MAX_DELAY_PROPERTY}; default 100ms.
     * @since 2.1
     */
    public static final String HOST_RESTART_DELAY_PROPERTY = "io.nativebundle.host.restart.delay";
    /**
     * The longest pause before a crashed host is started again; default 5s.
     * @since 2.1
     */
    public static final String HOST_RESTART_MAX_DELAY_PROPERTY = "io.nativebundle.host.restart.max-delay";
    /**
     * How many calls one host process runs at once (one host thread each); default 4.
     * @since 2.1
     */
    public static final String HOST_THREADS_PROPERTY = "io.nativebundle.host.threads";
    /**
     * The bytes of arguments and results one call may carry (its strings and buffers included), a
     * size such as {@code 1m}; default 1m.
     * @since 2.1
     */
    public static final String HOST_CALL_BYTES_PROPERTY = "io.nativebundle.host.call.bytes";
    /**
     * The default {@code max-address-space} of every host process, where a library declares none.
     * @since 2.1
     */
    public static final String HOST_MAX_ADDRESS_SPACE_PROPERTY = "io.nativebundle.host.max-address-space";
    /**
     * The default {@code max-cpu-time} of every host process, where a library declares none.
     * @since 2.1
     */
    public static final String HOST_MAX_CPU_TIME_PROPERTY = "io.nativebundle.host.max-cpu-time";

    // --- trust, lock file and tenant policy (framework or system properties) ---

    /**
     * A trust store (a PKCS#12 or JKS keystore file). When it, or {@link #TRUST_CERTIFICATES_PROPERTY},
     * is set, a native bundle loads only if a valid signature by one of its certificates covers its
     * manifest and every native file of the selected clause; otherwise it is refused as
     * {@link RefusalReason#UNTRUSTED}. See docs/trust.md.
     *
     * @since 2.1
     */
    public static final String TRUST_KEYSTORE_PROPERTY = "io.nativebundle.trust.keystore";
    /** The type of {@link #TRUST_KEYSTORE_PROPERTY}: {@code PKCS12} (the default) or {@code JKS}. @since 2.1 */
    public static final String TRUST_KEYSTORE_TYPE_PROPERTY = "io.nativebundle.trust.keystore.type";
    /** The password of {@link #TRUST_KEYSTORE_PROPERTY}, if it has one. @since 2.1 */
    public static final String TRUST_KEYSTORE_PASSWORD_PROPERTY = "io.nativebundle.trust.keystore.password";
    /**
     * A folder of trusted certificates in PEM (or DER) files, instead of or next to a keystore; its
     * {@code *.crl} files are certificate revocation lists. @since 2.1
     */
    public static final String TRUST_CERTIFICATES_PROPERTY = "io.nativebundle.trust.certificates";
    /** A CRL file, or a folder of {@code *.crl} files, checked with the trust store. @since 2.1 */
    public static final String TRUST_CRLS_PROPERTY = "io.nativebundle.trust.crls";
    /**
     * A lock file (see {@code native:lock}): when set, a native file whose SHA-256 it does not lock
     * for the bundle's tenant is refused as {@link RefusalReason#NOT_LOCKED}.
     *
     * @since 2.1
     */
    public static final String LOCKFILE_PROPERTY = "io.nativebundle.lockfile";
    /**
     * The prefix of the per-tenant framework properties: {@code io.nativebundle.tenant.<t>.<key>},
     * e.g. {@code io.nativebundle.tenant.acme.max-libraries} or
     * {@code io.nativebundle.tenant.acme.trust.keystore} (the {@code trust.*} keys as above, after the prefix),
     * or {@code io.nativebundle.tenant.acme.isolation}: {@code process} runs every library of the tenant
     * out of process, whatever its bundle says.
     *
     * @since 2.1
     */
    public static final String TENANT_PROPERTY_PREFIX = "io.nativebundle.tenant.";
    /**
     * The Config Admin factory PID of tenant policies. Each configuration names its tenant in
     * {@link #TENANT_POLICY_TENANT} and holds the per-tenant keys without the prefix
     * ({@code max-libraries}, {@code max-bytes}, {@code trust.keystore}, ...); it overrides the
     * framework properties of that tenant and applies to the next load, without a restart.
     *
     * @since 2.1
     */
    public static final String TENANT_POLICY_PID = "io.nativebundle.tenant";
    /** The key of a {@link #TENANT_POLICY_PID} configuration that names its tenant. @since 2.1 */
    public static final String TENANT_POLICY_TENANT = "tenant";

    private NativeBundleConstants() {
    }
}
