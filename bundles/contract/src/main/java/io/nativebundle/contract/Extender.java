package io.nativebundle.contract;

/**
 * The extender that loads native bundles. The loader provides the {@code osgi.extender}
 * capability of this name, and every native bundle requires it, as the Declarative Services
 * annotations do for {@code osgi.component}; the loader then extends only bundles wired to it:
 * <pre>
 * Provide-Capability: osgi.extender;osgi.extender="io.nativebundle";version:Version="1.0.0"   (the loader)
 * Require-Capability: osgi.extender;filter:="(&amp;(osgi.extender=io.nativebundle)(version&gt;=1.0.0)(!(version&gt;=2.0.0)))"
 * </pre>
 */
public final class Extender {

    /** The OSGi namespace of extenders. */
    public static final String NAMESPACE = "osgi.extender";
    /** The name of the extender, the value of its {@code osgi.extender} attribute. */
    public static final String NAME = "io.nativebundle";
    /** The version of the capability; its major version changes when the contract breaks. */
    public static final String VERSION = "1.0.0";
    /** The filter of {@link #REQUIREMENT}: this extender, {@code [VERSION, next major)}. */
    public static final String FILTER = "(&(" + NAMESPACE + "=" + NAME + ")(version>=" + VERSION
            + ")(!(version>=2.0.0)))";
    /** The {@code Require-Capability} clause the bnd plugin and the wrapper write into every native bundle. */
    public static final String REQUIREMENT = NAMESPACE + ";filter:=\"" + FILTER + "\"";

    private Extender() {
    }
}
