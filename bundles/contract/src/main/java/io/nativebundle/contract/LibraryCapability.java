package io.nativebundle.contract;

/**
 * The capability each native bundle provides for its library, so that other bundles can require
 * a library by name and version:
 * <pre>
 * Provide-Capability: io.nativebundle.library;io.nativebundle.library=math;version:Version="1.2.0"
 * </pre>
 */
public final class LibraryCapability {

    /** The namespace, also the attribute that holds the library name. */
    public static final String NAMESPACE = "io.nativebundle.library";

    private LibraryCapability() {
    }

    /**
     * The {@code Provide-Capability} clause.
     *
     * @param library a valid library name (see {@link LibraryName})
     * @param version the library version, or the floor of a system library's range
     */
    public static String clause(String library, OsgiVersion version) {
        return NAMESPACE + ";" + NAMESPACE + "=" + library + ";version:Version=\"" + version + "\"";
    }
}
