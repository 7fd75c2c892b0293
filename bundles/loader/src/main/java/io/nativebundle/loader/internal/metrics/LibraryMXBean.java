package io.nativebundle.loader.internal.metrics;

/**
 * The JMX view of one loaded library's metrics, registered as
 * {@code io.nativebundle:type=Library,name=<library>} (see {@link MBeanNames} for tenants and
 * for two generations of one library). jconsole and JMX exporters read it as an MXBean.
 */
public interface LibraryMXBean {

    String getLibrary();

    String getTenant();

    String getNamespace();

    String getVersion();

    long getGeneration();

    /** Calls of all symbols of the library. */
    long getCalls();

    /** Failed calls of all symbols of the library. */
    long getErrors();

    /** The symbols that have metrics. */
    String[] getSymbols();

    boolean isEnabled();

    /** Switches metrics of the library on or off, for this and later loads, like {@code NativeMetrics.setEnabled}. */
    void setEnabled(boolean enabled);
}
