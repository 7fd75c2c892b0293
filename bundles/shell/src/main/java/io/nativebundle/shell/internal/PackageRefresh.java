package io.nativebundle.shell.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A package refresh that returns when the framework is done. {@link FrameworkWiring#refreshBundles}
 * only starts one; the framework then stops the affected bundles, rewires them and starts them
 * again on its own thread, and says so with {@link FrameworkEvent#PACKAGES_REFRESHED}. An operator
 * who updated a native bundle and typed a refresh wants the next command to see the result.
 */
final class PackageRefresh {

    private final FrameworkWiring wiring;
    private final Duration timeout;

    PackageRefresh(FrameworkWiring wiring, Duration timeout) {
        this.wiring = wiring;
        this.timeout = timeout;
    }

    /**
     * Refreshes {@code bundles}, or every bundle with a removal pending when it is empty, with
     * everything that depends on them, and waits for the framework to finish.
     *
     * @return the bundles refreshed, one a line ({@code 24 io.nativebundle.examples.math}), or
     *         {@code nothing to refresh}
     * @throws IllegalStateException when the framework does not finish in time
     */
    String refresh(List<Bundle> bundles) throws InterruptedException {
        Collection<Bundle> roots = bundles.isEmpty() ? wiring.getRemovalPendingBundles() : bundles;
        if (roots.isEmpty()) {
            return "nothing to refresh";
        }
        Collection<Bundle> closure = wiring.getDependencyClosure(roots);
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        // the listeners given here hear the one PACKAGES_REFRESHED event of this refresh, nothing else
        wiring.refreshBundles(bundles.isEmpty() ? null : bundles, done::complete);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("refresh of " + closure.size() + " bundle(s) did not finish within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("refresh failed: " + e.getCause(), e.getCause());
        }
        return closure.stream().sorted((a, b) -> Long.compare(a.getBundleId(), b.getBundleId()))
                .map(PackageRefresh::name).collect(Collectors.joining("\n"));
    }

    private static String name(Bundle bundle) {
        return bundle == null ? "the framework" : bundle.getBundleId() + " " + bundle.getSymbolicName();
    }
}
