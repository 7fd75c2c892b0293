package io.nativebundle.loader.internal.remote;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Writes each import as a configuration of Aries RSA's static config discovery (factory PID
 * {@code org.apache.aries.rsa.discovery.config}), which announces it as an endpoint; the topology
 * manager then imports it. The configurations the loader wrote (marked {@code nativebundle.remote.import})
 * are replaced when Config Admin comes and deleted when the loader stops, so the imports are
 * exactly those of the framework property.
 *
 * <p>Only this class names Config Admin's API, whose import is optional: without Config Admin
 * (or without the property) it is never loaded.
 */
final class ImportConfigurations extends ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final RemoteImports imports;
    private final List<Configuration> written = new ArrayList<>();

    private ImportConfigurations(BundleContext context, RemoteImports imports) {
        super(context, ConfigurationAdmin.class, null);
        this.imports = imports;
    }

    /** Follows Config Admin and writes {@code imports} into it; {@link #close} deletes them. */
    static ImportConfigurations open(BundleContext context, RemoteImports imports) {
        ImportConfigurations c = new ImportConfigurations(context, imports);
        c.open();
        return c;
    }

    @Override
    public ConfigurationAdmin addingService(ServiceReference<ConfigurationAdmin> reference) {
        ConfigurationAdmin admin = super.addingService(reference);
        if (admin == null) {
            return null;
        }
        try {
            deleteOurs(admin);
            for (RemoteImports.Import i : imports.imports()) {
                // location "?": not bound to the first bundle that asks, so Aries' discovery gets it whenever it comes
                Configuration configuration = admin.createFactoryConfiguration(RemoteProperties.CONFIG_DISCOVERY_PID,
                        "?");
                configuration.update(new Hashtable<>(i.description()));
                synchronized (written) {
                    written.add(configuration);
                }
                LOG.log(Level.DEBUG, "nativebundle: importing library '" + i.library() + "' (" + i.interfaceName()
                        + ") from " + i.endpoint() + " for tenant '" + i.tenant() + "'");
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.ERROR, "nativebundle: cannot write the imports of " + RemoteImports.PROPERTY
                    + " into Config Admin: " + e, e);
        }
        return admin;
    }

    @Override
    public void close() {
        synchronized (written) {
            for (Configuration configuration : written) {
                try {
                    configuration.delete();
                } catch (IOException | IllegalStateException e) {
                    // Config Admin is gone, and with it the configuration
                }
            }
            written.clear();
        }
        super.close();
    }

    /** Configurations an earlier run left behind, when the framework's storage is kept. */
    private static void deleteOurs(ConfigurationAdmin admin) throws IOException, InvalidSyntaxException {
        Configuration[] old = admin.listConfigurations("(&(service.factoryPid=" + RemoteProperties.CONFIG_DISCOVERY_PID
                + ")(" + RemoteImports.MARK + "=*))");
        if (old != null) {
            for (Configuration configuration : old) {
                configuration.delete();
            }
        }
    }
}
