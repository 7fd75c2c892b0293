package io.nativebundle.runtime;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Whether a dropped {@code .nativebundle} descriptor was refused, as the wrap bundle's
 * {@code io.nativebundle.wrap.WrapStatus} service tells it. A refused descriptor installs no
 * bundle, so without asking, the launcher would wait for it until its timeout. The service is
 * read by reflection through the wrap bundle's own class: the launcher sits outside the
 * framework and cannot link against bundle classes.
 */
final class WrapRefusals {

    static final String WRAP_STATUS = "io.nativebundle.wrap.WrapStatus";

    private final BundleContext context;

    WrapRefusals(BundleContext context) {
        this.context = context;
    }

    /**
     * @param descriptor the descriptor, absolute and normalised
     * @return whether its latest wrap was refused; false when it was wrapped, is not yet seen,
     *         or no wrap bundle runs
     */
    boolean refused(Path descriptor) {
        ServiceReference<?> reference = context.getServiceReference(WRAP_STATUS);
        if (reference == null) {
            return false;
        }
        Object status = context.getService(reference);
        try {
            if (status == null) {
                return false;
            }
            Method refusal = reference.getBundle().loadClass(WRAP_STATUS).getMethod("refusal", Path.class);
            return ((Optional<?>) refusal.invoke(status, descriptor)).isPresent();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another wrap bundle than this runtime's: its descriptors are waited for as jars are
            return false;
        } finally {
            context.ungetService(reference);
        }
    }
}
