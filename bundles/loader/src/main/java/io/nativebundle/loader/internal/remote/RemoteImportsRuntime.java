package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.osgi.framework.BundleContext;

import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.loader.internal.tenant.Tenants;

/**
 * The import side while the loader runs: the imported services as consumers see them
 * ({@link ImportedServices}), and the imports of {@code io.nativebundle.remote.import} written for
 * Aries RSA's config discovery when Config Admin is there ({@link ImportConfigurations}), with the
 * loader's own interest in them so that they are imported before a consumer listens
 * ({@link ImportInterest}).
 */
public final class RemoteImportsRuntime implements AutoCloseable {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final ImportedServices services;
    private final AutoCloseable configurations;
    private final ImportInterest interest;

    private RemoteImportsRuntime(ImportedServices services, AutoCloseable configurations, ImportInterest interest) {
        this.services = services;
        this.configurations = configurations;
        this.interest = interest;
    }

    /** Starts following imports; a malformed property is logged and imports nothing. */
    public static RemoteImportsRuntime start(BundleContext context, Tenants tenants) {
        RemoteImports imports = RemoteImports.NONE;
        try {
            imports = RemoteImports.parse(context.getProperty(RemoteImports.PROPERTY));
        } catch (MalformedHeaderException e) {
            LOG.log(Level.ERROR, "nativebundle: nothing is imported: " + e.getMessage());
        }
        ImportedServices services = ImportedServices.open(context, tenants, imports);
        AutoCloseable configurations = () -> { };
        if (!imports.imports().isEmpty()) {
            if (configAdminPresent()) {
                configurations = ImportConfigurations.open(context, imports)::close;
            } else {
                LOG.log(Level.ERROR, "nativebundle: " + RemoteImports.PROPERTY + " names " + imports.imports().size()
                        + " import(s), but there is no Config Admin to give them to Aries RSA's config discovery;"
                        + " nothing is imported");
            }
        }
        return new RemoteImportsRuntime(services, configurations, ImportInterest.open(context, imports));
    }

    /** The imported services and their call statistics. */
    public ImportedServices services() {
        return services;
    }

    @Override
    public void close() {
        interest.close();
        try {
            configurations.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "nativebundle: cannot delete the imports from Config Admin: " + e);
        }
        services.close();
    }

    private static boolean configAdminPresent() {
        try {
            // before ImportConfigurations is loaded: it names Config Admin's API, an optional import
            Class.forName("org.osgi.service.cm.ConfigurationAdmin", false, RemoteImportsRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
