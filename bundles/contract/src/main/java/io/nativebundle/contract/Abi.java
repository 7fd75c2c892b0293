package io.nativebundle.contract;

/**
 * The runtime's ABI version and the capability that carries it. The runtime provides
 * {@code io.nativebundle.abi} with its version; a native bundle requires the range from the ABI it
 * was built for up to the next major version:
 * <pre>
 * Provide-Capability: io.nativebundle.abi;io.nativebundle.abi:Version=1.0.0          (the runtime)
 * Require-Capability: io.nativebundle.abi;filter:="(&amp;(io.nativebundle.abi&gt;=1.0.0)(!(io.nativebundle.abi&gt;=2.0.0)))"
 * </pre>
 * So a library built for ABI 1.0.0 runs on any 1.x runtime and on no 2.x one, and the framework
 * keeps it unresolved, with the filter as the reason, elsewhere.
 */
public final class Abi {

    /** The namespace of the capability. */
    public static final String NAMESPACE = "io.nativebundle.abi";

    /**
     * The ABI of this release: what a bundle requires when there is no build note to read it from
     * (a host library, a wrapped third-party {@code .so}). The parent pom's
     * {@code nativebundle.abi.version}, which the launcher provides, must be the same; a test checks it.
     */
    public static final String CURRENT = "1.0.0";

    private Abi() {
    }

    /**
     * The {@code Require-Capability} clause for a library built for {@code abi}.
     *
     * @throws IllegalArgumentException when {@code abi} is not a version
     */
    public static String requirement(String abi) {
        return NAMESPACE + ";filter:=\"" + filter(abi) + "\"";
    }

    /** The filter of {@link #requirement}: {@code [abi, next major)}. */
    public static String filter(String abi) {
        OsgiVersion floor = version(abi);
        return "(&(" + NAMESPACE + ">=" + floor + ")(!(" + NAMESPACE + ">=" + ceiling(floor) + ")))";
    }

    /** The {@code Provide-Capability} clause of a runtime with {@code abi}. */
    public static String capability(String abi) {
        return NAMESPACE + ";" + NAMESPACE + ":Version=" + version(abi);
    }

    /** Whether a runtime of ABI {@code runtime} accepts a library built for ABI {@code built}: same major, not older. */
    public static boolean accepts(String runtime, String built) {
        OsgiVersion r = version(runtime);
        OsgiVersion b = version(built);
        return r.compareTo(b) >= 0 && r.compareTo(ceiling(b)) < 0;
    }

    /** The first ABI a library built for {@code abi} no longer runs on: the next major version. */
    public static OsgiVersion ceiling(OsgiVersion abi) {
        return new OsgiVersion(abi.major() + 1, 0, 0, "");
    }

    private static OsgiVersion version(String abi) {
        return OsgiVersion.parse(abi).orElseThrow(() -> new IllegalArgumentException("ABI version '" + abi
                + "' is not a version; expected major.minor.micro, e.g. " + CURRENT));
    }
}
