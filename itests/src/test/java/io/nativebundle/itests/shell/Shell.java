package io.nativebundle.itests.shell;

import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.testsupport.osgi.Services;

/** Waits until the {@code native:} commands and the math example are both up. */
final class Shell {

    static final String NATIVE_SCOPE = "(osgi.command.scope=native)";

    private Shell() {
    }

    /** The loaded math library; afterwards every {@code native:} command is registered. */
    static NativeLibrary ready(BundleContext context) throws InterruptedException {
        Services.await(context, Object.class, NATIVE_SCOPE);
        return context.getService(Services.await(context, NativeLibrary.class, "(nativebundle.library=math)"));
    }
}
