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

    /** {@code in-process}, or {@code process} when the library runs in a host process of its own. */
    String getIsolation();

    /** The state of the host process ({@code RUNNING}, {@code RESTARTING}, ...); empty in process. */
    String getHostState();

    /** The pid of the host process, -1 when none runs (or in process). */
    long getHostPid();

    /** How often the host process was started again since the library loaded. */
    int getHostRestarts();

    /** How often the host process ended unexpectedly since the library loaded, timeouts included. */
    int getHostCrashes();

    /** How many calls overran their timeout. */
    int getCallTimeouts();

    /** The last crash of the host process, in words; empty when none. */
    String getLastHostCrash();

    /** Switches metrics of the library on or off, for this and later loads, like {@code NativeMetrics.setEnabled}. */
    void setEnabled(boolean enabled);
}
