package io.nativebundle.shell.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code native:refresh}: refreshes packages and returns when the framework is done, without
 * arguments too. Gogo Command 1.1.2's {@code refresh} throws a NullPointerException without
 * arguments and returns before the refresh is over, so a script's next command would still see
 * the old wiring.
 */
@Component(service = RefreshCommand.class, immediate = true, property = {
        "osgi.command.scope=native",
        "osgi.command.function=refresh"
})
public class RefreshCommand {

    /** Long enough for a framework that restarts many bundles; a refresh normally takes milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Descriptor("refreshes the packages of every updated or uninstalled bundle and of what depends on them,"
            + " waits until the framework is done, and prints the bundles it refreshed")
    public String refresh() throws InterruptedException {
        return refresh(new long[0]);
    }

    @Descriptor("refreshes the given bundles and what depends on them, waits until the framework is done,"
            + " and prints the bundles it refreshed")
    public String refresh(@Descriptor("bundle ids, e.g. 24") long... ids) throws InterruptedException {
        List<Bundle> bundles = new ArrayList<>();
        for (long id : ids) {
            Bundle bundle = context.getBundle(id);
            if (bundle == null) {
                throw new IllegalArgumentException("no bundle " + id + " is installed");
            }
            bundles.add(bundle);
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        return new PackageRefresh(wiring, TIMEOUT).refresh(bundles);
    }
}
