package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.shell.internal.NativeShell;

/**
 * A {@code native:} command in Karaf's shell: Karaf injects the loader's services, the shared
 * {@link NativeShell} does the work, and the text it returns is printed.
 *
 * <p>Printed, not returned: Karaf prints no result of a command run through its client
 * ({@code bin/client 'native:list'}), only what the command writes to {@code System.out}, which
 * Karaf routes to the session. The services are optional, as in Gogo: without the loader a
 * command still runs and says what is missing.
 */
abstract class NativeAction implements Action {

    @Reference
    BundleContext bundleContext;

    @Reference(optional = true)
    NativeLibraryRegistry registry;

    @Reference(optional = true)
    NativeMetrics metrics;

    @Reference(optional = true)
    NativeBundleVerifier verifier;

    @Override
    public final Object execute() throws Exception {
        String text = run(new NativeShell(bundleContext, () -> registry, () -> metrics, () -> verifier));
        if (text != null) {
            System.out.println(text);
        }
        return null;
    }

    /** Runs the command; returns the text to print, or null when it printed what it had to. */
    abstract String run(NativeShell shell) throws Exception;
}
