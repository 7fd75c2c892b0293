package io.nativebundle.itests.tenant;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.itests.tenant.attacker.Attacker;

/**
 * One attack per path from a bundle of tenant {@code acme} (the attacker, {@link Attacker} in a
 * bundle of its own) to the native services of tenant {@code globex} (the victim, math 1.3.0).
 * Each test asserts that the path hands the attacker no service object of the victim, that the
 * victim's call counter ({@code NativeMetrics}, as {@code native:stats} shows it) did not move,
 * and, where the framework cannot hide the reference itself, that the path was really walked
 * (the attacker saw the reference and was given {@code null}). The attacker reaches its own
 * tenant's library the same ways, which shows the attacks themselves work.
 *
 * <p>Each test fails when its guard is removed: the service find and event hooks (lookups,
 * service events), the tenant gate, i.e. the service factories of native services
 * (registered services, services in use, a handed-over reference, {@code getServiceObjects}),
 * and the bundle find and event hooks ({@code getBundles}, {@code getBundle(id)}, bundle events).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantAttackTest extends AbstractIntegrationTest {

    private static final String VICTIM = "globex";
    private static final String VICTIM_NAMESPACE = "globex/math/v1";
    private static final String ADD = "(&(nativebundle.tenant=" + VICTIM + ")(nativebundle.symbol=add))";

    private Bundle victim;
    private AttackerBundle attacker;
    private NativeMetrics metrics;

    @Configuration
    public Option[] config() throws IOException {
        return NativeBundleOptions.core(bundle(TenantBundles.api().toURI().toString()));
    }

    @Before
    public void deploy() throws Exception {
        installed("io.nativebundle.itests.acme.math", "1.2.0", "acme");
        victim = installed("io.nativebundle.itests.globex.math", "1.3.0", VICTIM);
        attacker = AttackerBundle.of(context, "acme");
        metrics = service(NativeMetrics.class, null);
    }

    @Test
    public void theAttackerReachesItsOwnTenantsLibraryByTheSamePaths() throws Exception {
        assertFalse(reached(attacker.run("lookup", "acme")).isEmpty());
        ServiceReference<NativeFunction> own = Services.await(context, NativeFunction.class,
                "(&(nativebundle.tenant=acme)(nativebundle.symbol=add))");
        assertEquals(List.of("a reference handed over: " + own + " -> invoke(2, 3) = 5"),
                reached(attacker.run("handedOver", own, "acme")));
    }

    @Test
    public void lookupsFindNoServiceOfTheVictim() throws Exception {
        long before = victimCalls();
        assertNothing(attacker.run("lookup", VICTIM), false);
        assertNothing(attacker.run("lookupAll", VICTIM), false);
        assertEquals("the victim's call counter", before, victimCalls());
    }

    @Test
    public void registeredServicesOfTheLoaderGiveTheAttackerNull() throws Exception {
        long before = victimCalls();
        // the loader registers every tenant's NativeFunctions, and the loader is a bundle everybody sees
        assertNothing(attacker.run("registeredServices", VICTIM), true);
        assertEquals("the victim's call counter", before, victimCalls());
    }

    @Test
    public void servicesInUseOfARuntimeBundleGiveTheAttackerNull() throws Exception {
        // the test's own bundle, a runtime bundle the attacker can see, uses the victim's services
        List<ServiceReference<?>> used = victimReferences();
        used.forEach(context::getService);
        try {
            long before = victimCalls();
            assertNothing(attacker.run("servicesInUse", VICTIM), true);
            assertEquals("the victim's call counter", before, victimCalls());
        } finally {
            used.forEach(context::ungetService);
        }
    }

    @Test
    public void aReferenceHandedOverByAThirdBundleGivesTheAttackerNull() throws Exception {
        long before = victimCalls();
        for (ServiceReference<?> reference : victimReferences()) {
            assertNothing(attacker.run("handedOver", reference, VICTIM), true);
        }
        assertEquals("the victim's call counter", before, victimCalls());
    }

    @Test
    public void getServiceObjectsGivesTheAttackerNull() throws Exception {
        long before = victimCalls();
        for (ServiceReference<?> reference : victimReferences()) {
            assertNothing(attacker.run("serviceObjects", reference), true);
        }
        assertEquals("the victim's call counter", before, victimCalls());
    }

    @Test
    public void theAttackerHearsNoServiceEventOfTheVictim() throws Exception {
        Map<String, List<String>> heard = new ConcurrentHashMap<>();
        ServiceListener listener = (ServiceListener) attacker.call("listenForServices", VICTIM, heard);
        List<String> heardByRuntime = new CopyOnWriteArrayList<>();
        ServiceListener runtime = event -> heardByRuntime.add(String.valueOf(event.getType()));
        context.addServiceListener(runtime, "(nativebundle.tenant=" + VICTIM + ")");
        try {
            restartVictim();
            // service events are delivered synchronously: the runtime has heard the victim's by now
            assertTrue(heardByRuntime.contains(String.valueOf(ServiceEvent.REGISTERED)));
            assertNothing(heard, false);
            assertEquals("calls of the victim's new generation", 0, victimCalls());
        } finally {
            attacker.context().removeServiceListener(listener);
            context.removeServiceListener(runtime);
        }
    }

    @Test
    public void theVictimsBundleIsHiddenFromGetBundlesGetBundleAndBundleEvents() throws Exception {
        assertNotNull("the runtime sees the victim's bundle", context.getBundle(victim.getBundleId()));
        long before = victimCalls();
        assertNothing(attacker.run("bundles", victim.getBundleId(), VICTIM), false);
        assertEquals("the victim's call counter", before, victimCalls());

        Map<String, List<String>> heard = new ConcurrentHashMap<>();
        BundleListener listener = (BundleListener) attacker.call("listenForBundles", victim.getBundleId(), heard);
        try {
            restartVictim();
            assertNothing(heard, false);
            assertEquals("calls of the victim's new generation", 0, victimCalls());
        } finally {
            attacker.context().removeBundleListener(listener);
        }
    }

    /** Nothing reached; and the references seen: some (the path was walked) or none (hidden). */
    private static void assertNothing(Map<String, List<String>> result, boolean referencesSeen) {
        assertEquals("reached: " + result, List.of(), reached(result));
        List<String> seen = result.getOrDefault(Attacker.SEEN, List.of());
        assertEquals("seen: " + seen, referencesSeen, !seen.isEmpty());
    }

    private static List<String> reached(Map<String, List<String>> result) {
        return result.getOrDefault(Attacker.REACHED, List.of());
    }

    /** The victim's function, typed service and description, as the runtime finds them. */
    private List<ServiceReference<?>> victimReferences() throws Exception {
        List<ServiceReference<?>> refs = new ArrayList<>();
        refs.add(Services.await(context, NativeFunction.class, ADD));
        ServiceReference<?>[] typed = context.getAllServiceReferences(TenantBundles.API_PACKAGE + ".MathLib",
                "(nativebundle.tenant=" + VICTIM + ")");
        assertEquals("the victim's typed service", 1, typed == null ? 0 : typed.length);
        refs.add(typed[0]);
        refs.add(Services.await(context, NativeLibrary.class, "(nativebundle.tenant=" + VICTIM + ")"));
        return refs;
    }

    /** The calls counted for the victim's library, as {@code native:stats globex/math/v1} shows them. */
    private long victimCalls() {
        List<SymbolStats> stats = metrics.stats(VICTIM_NAMESPACE);
        assertFalse("the victim's library is loaded and counted", stats.isEmpty());
        return stats.stream().mapToLong(SymbolStats::calls).sum();
    }

    private void restartVictim() throws Exception {
        victim.stop();
        victim.start();
        awaitState(context, victim, State.ACTIVE);
    }

    private Bundle installed(String symbolicName, String version, String tenant) throws Exception {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        byte[] jar = TenantBundles.math(symbolicName, version, tenant).toBytes();
        Bundle b = context.installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
        b.start();
        awaitState(context, b, State.ACTIVE);
        return b;
    }
}
