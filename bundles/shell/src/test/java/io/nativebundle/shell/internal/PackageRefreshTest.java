package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;

public class PackageRefreshTest {

    /** A FrameworkWiring that records the refresh and lets the test say when the framework is done. */
    private static final class Wiring {
        final List<Bundle> pending = new ArrayList<>();
        final List<Bundle> closure = new ArrayList<>();
        final CompletableFuture<FrameworkListener[]> listeners = new CompletableFuture<>();
        Collection<Bundle> refreshed = List.of();

        FrameworkWiring proxy() {
            return (FrameworkWiring) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FrameworkWiring.class}, (p, method, args) -> switch (method.getName()) {
                        case "getRemovalPendingBundles" -> pending;
                        case "getDependencyClosure" -> closure;
                        case "refreshBundles" -> {
                            @SuppressWarnings("unchecked")
                            Collection<Bundle> bundles = (Collection<Bundle>) args[0];
                            refreshed = bundles;
                            listeners.complete((FrameworkListener[]) args[1]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void done() throws Exception {
            for (FrameworkListener l : listeners.get(10, TimeUnit.SECONDS)) {
                l.frameworkEvent(new FrameworkEvent(FrameworkEvent.PACKAGES_REFRESHED, bundle(0, "system"), null));
            }
        }
    }

    private static Bundle bundle(long id, String name) {
        return (Bundle) Proxy.newProxyInstance(PackageRefreshTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void withoutBundlesItRefreshesThePendingOnesAndReturnsOnlyWhenTheFrameworkIsDone() throws Exception {
        Wiring wiring = new Wiring();
        Bundle math = bundle(24, "io.nativebundle.examples.math");
        wiring.pending.add(math);
        wiring.closure.add(bundle(25, "io.nativebundle.examples.consumer"));
        wiring.closure.add(math);
        PackageRefresh refresh = new PackageRefresh(wiring.proxy(), Duration.ofSeconds(30));

        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                return refresh.refresh(List.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        wiring.listeners.get(10, TimeUnit.SECONDS);
        assertFalse("the refresh has started but the framework has not finished", result.isDone());
        assertNull("null asks the framework for every pending bundle", wiring.refreshed);

        wiring.done();
        assertEquals("24 io.nativebundle.examples.math\n25 io.nativebundle.examples.consumer",
                result.get(10, TimeUnit.SECONDS));
    }

    @Test
    public void givenBundlesAreRefreshedThemselves() throws Exception {
        Wiring wiring = new Wiring();
        Bundle math = bundle(7, "math");
        wiring.closure.add(math);
        PackageRefresh refresh = new PackageRefresh(wiring.proxy(), Duration.ofSeconds(30));
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                return refresh.refresh(List.of(math));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        wiring.done();
        assertEquals("7 math", result.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(math), List.copyOf(wiring.refreshed));
    }

    @Test
    public void nothingPendingIsSaid() throws Exception {
        Wiring wiring = new Wiring();
        assertEquals("nothing to refresh", new PackageRefresh(wiring.proxy(), Duration.ofSeconds(1)).refresh(List.of()));
        assertFalse(wiring.listeners.isDone());
    }

    @Test
    public void aRefreshThatDoesNotFinishInTimeFailsWithTheCount() {
        Wiring wiring = new Wiring();
        wiring.pending.add(bundle(3, "a"));
        wiring.closure.add(bundle(3, "a"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PackageRefresh(wiring.proxy(), Duration.ofMillis(50)).refresh(List.of()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("refresh of 1 bundle(s) did not finish within "));
    }
}
