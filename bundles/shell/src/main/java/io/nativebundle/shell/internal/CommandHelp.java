package io.nativebundle.shell.internal;

/**
 * The help texts of the {@code native:} commands, one place for every shell that offers them
 * (Gogo's {@code @Descriptor}, Karaf's {@code @Command}, {@code @Argument} and {@code @Option}).
 */
public final class CommandHelp {

    public static final String JSON = "print JSON instead of a table";

    public static final String LIST = "lists the native bundles: id, library, version, platform, state (ACTIVE,"
            + " REFUSED with its reason, UNRESOLVED, UNLOADED), tenant, namespace and the first 12 digits of the SHA-256;"
            + " then the services exported and imported, with their endpoints";
    public static final String LIST_TENANT = "only the bundles and remote services of this tenant";

    public static final String INFO = "shows everything about one native bundle: bundle, state, the entry loaded and"
            + " its cache path, platform, digest, generation and symbols, or why it was refused or does not resolve";
    public static final String INFO_BUNDLE = "bundle id, library name (e.g. math), namespace or symbolic name";

    public static final String SYMBOLS = "lists the symbols a loaded library declares, with kind and signature";
    public static final String SYMBOLS_LIBRARY = "library name (e.g. math), namespace or bundle id";

    public static final String CALL = "calls a native function by name and prints its result, e.g. native:call math add 2 3";
    public static final String CALL_LIBRARY = "library name (e.g. math) or namespace (e.g. acme/math/v1)";
    public static final String CALL_SYMBOL = "the function's symbol, e.g. add";
    public static final String CALL_ARGS = "the arguments, read by the declared signature: integers and pointers in"
            + " decimal or 0x hex, float and double as 2.5, boolean as true/false/1/0, string as given,"
            + " buffer as text (its UTF-8 bytes) or hex:0a0b";

    public static final String GET = "prints the value of an exported native variable, e.g. native:get math counter";
    public static final String SET = "writes an exported native variable, e.g. native:set math counter 41";
    public static final String VARIABLE_LIBRARY = "library name (e.g. math) or namespace";
    public static final String VARIABLE_SYMBOL = "the variable's symbol, e.g. counter";
    public static final String SET_VALUE = "the new value, read by the variable's type: decimal or 0x hex, or 2.5 for"
            + " float and double";

    public static final String STATS = "shows per-symbol calls, errors and mean, p50 and p99 latency; --on/--off"
            + " switch metrics of a library";
    public static final String STATS_ON = "switch metrics on for this library";
    public static final String STATS_OFF = "switch metrics off for this library";
    public static final String STATS_LIBRARIES = "the libraries to show; every loaded library when none is given";

    public static final String VERIFY_TRUST = "a trust store to check the jar's signature against (a PKCS#12 or JKS"
            + " keystore, or a folder of PEM certificates); the runtime's io.nativebundle.trust.* when absent";
    public static final String VERIFY_PASSWORD = "the password of the --trust keystore: the password, env:NAME"
            + " or file:PATH";
    public static final String LOCK = "write the SHA-256 of every native file now loaded, per tenant, to a lock file"
            + " (io.nativebundle.lockfile)";
    public static final String LOCK_FILE = "the lock file to write, e.g. etc/nativebundle.lock";
    public static final String VERIFY = "checks a native bundle jar without installing it; prints PASS or FAIL per"
            + " check and fails if any check failed";
    public static final String VERIFY_LOCATION = "the jar: a path, a file: URL, or any URL to download,"
            + " e.g. file:/plugins/math.jar";

    public static final String WRAP = "wraps a shared library and its .nativebundle descriptor into a bundle jar, e.g."
            + " native:wrap libfoo.so libfoo.nativebundle foo.jar; prints the jar's path";
    public static final String WRAP_DESCRIPTOR_ONLY = "wraps a descriptor into a bundle jar: a system = descriptor"
            + " (the library comes from the host), or one whose library sits next to it; prints the jar's path";
    public static final String WRAP_LIBRARY = "the shared library, e.g. libfoo.so";
    public static final String WRAP_DESCRIPTOR = "the descriptor, e.g. libfoo.nativebundle";
    public static final String WRAP_OUT = "the bundle jar to write";

    public static final String WRAP_SIGN = "sign the jar with the key of this keystore (PKCS#12 or JKS), for a runtime"
            + " whose trust store (io.nativebundle.trust.*) trusts its certificate";
    public static final String SIGN = "writes the detached signature of a .nativebundle drop-in, <descriptor>.sig"
            + " beside it, covering the descriptor and its library; drop it into plugins/ with them, for a runtime"
            + " with a trust store; prints the signature's path";
    public static final String SIGN_DESCRIPTOR = "the descriptor to sign, e.g. libfoo.nativebundle; its library"
            + " sits next to it";
    public static final String SIGN_KEYSTORE = "the keystore (PKCS#12 or JKS) with the signing key";
    public static final String STORETYPE = "the keystore's type, PKCS12 or JKS; by default JKS for a .jks file,"
            + " else PKCS12";
    public static final String STOREPASS = "the keystore's password: the password, env:NAME (an environment"
            + " variable) or file:PATH (the first line of a file)";
    public static final String ALIAS = "the key entry to sign with; needed when the keystore holds more than one key";
    public static final String KEYPASS = "the key's password, if it differs from the keystore's (as --storepass)";

    public static final String REFUSED = "lists the .nativebundle descriptors in plugins/ that were refused and"
            + " installed nothing: file:line:column: reason, oldest first";

    private CommandHelp() {
    }
}
