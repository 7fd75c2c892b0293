package io.nativebundle.jnr.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Prepares jffi before its first use: makes its StubLoader extract the JNI stub into this
 * bundle's data area rather than {@code /tmp} (see {@link JffiExtractDir}).
 *
 * <p>It must start before any bundle touches a jffi or jnr-ffi class, which is why the runtime
 * starts this bundle right after ASM and before jnr-ffi. If jffi is used while this bundle is
 * only resolved, jffi falls back to its own defaults ({@code java.io.tmpdir}, then the working
 * directory).
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class JnrActivator implements BundleActivator {

    private final JffiExtractDir extractDir = new JffiExtractDir(System.getProperties());

    @Override
    public void start(BundleContext context) {
        extractDir.claim(context.getDataFile("jffi"));
    }

    @Override
    public void stop(BundleContext context) {
        extractDir.release();
    }
}
