package io.nativebundle.loader.internal.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers metrics MXBeans in an MBeanServer. JMX is an extra view: a failure here is logged
 * and never refuses a library or fails a call.
 */
final class JmxExporter {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    /** Enough for several frameworks in one JVM (Pax Exam) each holding a generation of the same library. */
    private static final int MAX_ATTEMPTS = 16;

    private final MBeanServer server;

    /** @param server where to register, or {@code null} for no JMX */
    JmxExporter(MBeanServer server) {
        this.server = server;
    }

    /**
     * Registers the library's MBean under the first free name of {@link MBeanNames}.
     *
     * @return the key list its symbols extend, or {@code null} when it could not be registered
     */
    String registerLibrary(LibraryMetrics metrics) {
        if (server == null) {
            return null;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String keys = MBeanNames.libraryKeys(metrics.library(), attempt);
            try {
                server.registerMBean(new StandardMBean(new LibraryMBean(metrics), LibraryMXBean.class, true),
                        MBeanNames.library(keys));
                return keys;
            } catch (InstanceAlreadyExistsException taken) {
                // another live generation has this name; try a more specific one
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.WARNING, "nativebundle: no JMX metrics for library " + metrics.library().namespace()
                        + ": " + e);
                return null;
            }
        }
        LOG.log(Level.WARNING, "nativebundle: no JMX metrics for library " + metrics.library().namespace()
                + ": " + MAX_ATTEMPTS + " generations of it are registered already");
        return null;
    }

    /** @return the name registered, or {@code null} */
    ObjectName registerSymbol(String libraryKeys, SymbolMetrics metrics) {
        if (server == null || libraryKeys == null) {
            return null;
        }
        ObjectName name = MBeanNames.symbol(libraryKeys, metrics.symbol());
        try {
            server.registerMBean(new StandardMBean(new SymbolMBean(metrics), SymbolMXBean.class, true), name);
            return name;
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "nativebundle: no JMX metrics for " + name + ": " + e);
            return null;
        }
    }

    void unregister(ObjectName name) {
        if (server == null || name == null) {
            return;
        }
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // someone unregistered it already
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "nativebundle: could not unregister " + name + ": " + e);
        }
    }
}
