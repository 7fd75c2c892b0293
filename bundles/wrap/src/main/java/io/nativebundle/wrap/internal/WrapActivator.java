package io.nativebundle.wrap.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.nativebundle.wrap.WrapStatus;

/**
 * Registers the {@link WrapStatus} service and, when FileInstall's API is wired, the transformer
 * that wraps {@code .nativebundle} drop-ins. Without FileInstall, {@code native:wrap} and
 * {@link io.nativebundle.wrap.NativeWrapper} still work.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class WrapActivator implements BundleActivator {

    /** The property FileInstall reads for the folder it watches. */
    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Override
    public void start(BundleContext context) {
        RefusalRegistry registry = new RefusalRegistry();
        registrations.add(context.registerService(WrapStatus.class, registry, null));
        if (fileInstallWired()) {
            registrations.add(context.registerService("org.apache.felix.fileinstall.ArtifactTransformer",
                    new DescriptorTransformer(registry, new PluginsFolder(context.getProperty(FILEINSTALL_DIR))), null));
        }
    }

    @Override
    public void stop(BundleContext context) {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The import of FileInstall's API is optional: it may be missing, or installed after this bundle resolved. */
    private static boolean fileInstallWired() {
        try {
            Class.forName("org.apache.felix.fileinstall.ArtifactTransformer");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
