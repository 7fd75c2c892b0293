package io.nativebundle.itests.tenant;

import static io.nativebundle.itests.tenant.TenantStatus.awaitBundle;
import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static io.nativebundle.itests.tenant.TenantStatus.find;
import static io.nativebundle.itests.tenant.TenantStatus.findAll;
import static io.nativebundle.itests.tenant.TenantStatus.registeredBy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Two tenants deployed through FileInstall, each with its own version of the math library and
 * its own SCR consumer, next to a default-tenant library:
 *
 * <pre>
 * plugins/acme/math-1.2.0.jar       tenant acme by its folder
 * plugins/acme/consumer.jar
 * plugins/globex/math-1.3.0.jar     folder globex, and a header that agrees
 * plugins/consumer-globex.jar       tenant globex by its header only
 * plugins/default/calc.jar          the default tenant: visible to everybody
 * plugins/acme/impostor.jar         header globex in acme's folder: refused
 * plugins/Bad_Tenant/math.jar       not a tenant id: refused
 * plugins/consumer-invalid.jar      header ACME!: isolated, sees only default and runtime services
 * </pre>
 *
 * The test itself runs in a runtime bundle (the Pax Exam probe), which sees every tenant. Each
 * tenant's view is taken through the BundleContext of that tenant's consumer bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantIsolationTest extends AbstractIntegrationTest {

    private static final String MATHLIB = MathLib.class.getName();
    /** The consumer's typed commands (example:add, example:source), not its by-name ones. */
    private static final String COMMANDS = "(&(osgi.command.scope=example)(osgi.command.function=source))";

    private Bundle acmeMath;
    private Bundle acmeConsumer;
    private Bundle globexMath;
    private Bundle globexConsumer;
    private Bundle invalidConsumer;

    @Configuration
    public Option[] config() throws IOException {
        File plugins = new File(NativeBundleOptions.newWorkDir("tenants"), "plugins");
        File acme = new File(plugins, "acme");
        File globex = new File(plugins, "globex");
        TenantBundles.deploy(TenantBundles.math(TenantBundles.MATH_BSN, "1.2.0", null), acme, "math-1.2.0.jar");
        TenantBundles.deploy(TenantBundles.consumer("io.nativebundle.itests.acme.consumer", null), acme, "consumer.jar");
        TenantBundles.deploy(TenantBundles.math(TenantBundles.MATH_BSN, "1.3.0", "globex"), globex, "math-1.3.0.jar");
        TenantBundles.deploy(TenantBundles.consumer("io.nativebundle.itests.globex.consumer", "globex"), plugins,
                "consumer-globex.jar");
        TenantBundles.deploy(TenantBundles.calc("io.nativebundle.itests.calc"), new File(plugins, "default"), "calc.jar");
        TenantBundles.deploy(TenantBundles.math("io.nativebundle.itests.impostor", "1.2.0", "globex"), acme, "impostor.jar");
        TenantBundles.deploy(TenantBundles.math("io.nativebundle.itests.badfolder", "1.2.0", null),
                new File(plugins, "Bad_Tenant"), "math.jar");
        TenantBundles.deploy(TenantBundles.consumer("io.nativebundle.itests.invalid.consumer", "ACME!"), plugins,
                "consumer-invalid.jar");

        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.core(
                bundle(TenantBundles.api().toURI().toString()))));
        options.addAll(Arrays.asList(NativeBundleOptions.fileInstall(plugins)));
        return options.toArray(new Option[0]);
    }

    @Before
    public void awaitDeployment() throws Exception {
        acmeMath = awaitBundle(context, TenantBundles.MATH_BSN, "1.2.0");
        globexMath = awaitBundle(context, TenantBundles.MATH_BSN, "1.3.0");
        acmeConsumer = awaitBundle(context, "io.nativebundle.itests.acme.consumer", null);
        globexConsumer = awaitBundle(context, "io.nativebundle.itests.globex.consumer", null);
        invalidConsumer = awaitBundle(context, "io.nativebundle.itests.invalid.consumer", null);
        Services.await(context, Object.class, registeredBy(acmeConsumer, COMMANDS));
        Services.await(context, Object.class, registeredBy(globexConsumer, COMMANDS));
        Services.await(context, NativeLibrary.class, "(nativebundle.library=calc)");
    }

    @Test
    public void everyNativeServiceCarriesTheTenantOfItsFolderOrHeader() throws Exception {
        ServiceReference<MathLib> acme = typedOf(acmeMath);
        assertEquals("acme", acme.getProperty(NativeBundleConstants.TENANT));
        assertEquals("acme/math/v1", acme.getProperty(NativeBundleConstants.NAMESPACE));
        assertEquals(new Version(1, 2, 0), acme.getProperty(NativeBundleConstants.VERSION));

        ServiceReference<MathLib> globex = typedOf(globexMath);
        assertEquals("globex", globex.getProperty(NativeBundleConstants.TENANT));
        assertEquals("globex/math/v1", globex.getProperty(NativeBundleConstants.NAMESPACE));
        assertEquals(new Version(1, 3, 0), globex.getProperty(NativeBundleConstants.VERSION));
        assertNotEquals("two different library files", acme.getProperty(NativeBundleConstants.SHA256),
                globex.getProperty(NativeBundleConstants.SHA256));

        NativeLibrary acmeLibrary = libraryOf(acmeMath);
        assertEquals("acme", acmeLibrary.tenant());
        assertEquals("acme/math/v1", acmeLibrary.namespace());
        assertEquals("globex", libraryOf(globexMath).tenant());
        NativeLibrary calc = service(NativeLibrary.class, "(nativebundle.library=calc)");
        assertEquals("default", calc.tenant());
        assertEquals("default/calc/v1", calc.namespace());

        // FileInstall installed them from the tenant folders, as file: URLs
        assertTrue(acmeMath.getLocation(), acmeMath.getLocation().matches("file:.*/plugins/acme/math-1\\.2\\.0\\.jar"));
        assertTrue(globexConsumer.getLocation(), globexConsumer.getLocation().matches("file:.*/plugins/consumer-globex\\.jar"));
    }

    @Test
    public void eachConsumerIsBoundToItsOwnTenantsVersion() throws Exception {
        assertTrue(source(acmeConsumer), source(acmeConsumer).startsWith("acme/math/v1 1.2.0 generation "));
        assertTrue(source(globexConsumer), source(globexConsumer).startsWith("globex/math/v1 1.3.0 generation "));
        assertEquals(5, call(acmeConsumer, "add", 2, 3));
        assertEquals(42, call(globexConsumer, "multiply", 6, 7));
    }

    @Test
    public void eachTenantsCopyOfTheLibraryHasItsOwnGlobals() throws Exception {
        MathLib acme = context.getService(typedOf(acmeMath));
        MathLib globex = context.getService(typedOf(globexMath));
        int acmeBefore = acme.counter_value();
        int globexBefore = globex.counter_value();
        acme.increment();
        acme.increment();
        globex.increment();
        // opened RTLD_GLOBAL, the second copy's counter_value() would read the first copy's counter
        assertEquals("acme's counter", acmeBefore + 2, acme.counter_value());
        assertEquals("globex's counter, separate from acme's", globexBefore + 1, globex.counter_value());
    }

    @Test
    public void lookupsAcrossTenantsFindNothing() throws Exception {
        BundleContext acme = acmeConsumer.getBundleContext();
        BundleContext globex = globexConsumer.getBundleContext();

        assertOnly(acmeMath, acme.getServiceReferences(MathLib.class, null));
        assertOnly(globexMath, globex.getServiceReferences(MathLib.class, null));
        assertOnly(acmeMath, find(acme, MATHLIB, null));
        // without the class-space check too: it is the tenant that hides the service, not the wiring
        assertOnly(acmeMath, findAll(acme, MATHLIB, null));
        assertEquals(List.of("globex"), distinctTenants(findAll(globex, null, "(nativebundle.namespace=*/math/v1)")));
        assertEquals(0, findAll(acme, null, "(nativebundle.tenant=globex)").length);
        assertEquals(0, findAll(globex, null, "(nativebundle.tenant=acme)").length);
        assertEquals(0, findAll(acme, null, "(nativebundle.namespace=globex/math/v1)").length);

        // the NativeLibrary descriptions are registered by the loader, and still owned by the tenant
        assertEquals(List.of("acme"), tenantsOf(findAll(acme, NativeLibrary.class.getName(), "(nativebundle.library=math)")));
        assertEquals(List.of("globex"), tenantsOf(findAll(globex, NativeLibrary.class.getName(), "(nativebundle.library=math)")));

        // a tenant's other services, like its consumer's Gogo command, are its own as well
        assertOnly(acmeConsumer, findAll(acme, null, COMMANDS));
        assertOnly(globexConsumer, findAll(globex, null, COMMANDS));

        // a ServiceTracker opened with the tenant's context tracks its own library only
        ServiceTracker<MathLib, MathLib> tracker = new ServiceTracker<>(acme, MathLib.class, null);
        tracker.open();
        try {
            assertOnly(acmeMath, tracker.getServiceReferences());
            assertEquals(5, tracker.getService().add(2, 3));
        } finally {
            tracker.close();
        }
        ServiceTracker<Object, Object> all = new ServiceTracker<>(acme, acme.createFilter("(nativebundle.library=*)"), null);
        all.open(true);
        try {
            assertEquals(List.of("acme", "default"), distinctTenants(all.getServiceReferences()));
        } finally {
            all.close();
        }
    }

    @Test
    public void serviceEventsOfAnotherTenantNeverReachItsListeners() throws Exception {
        BundleContext acme = acmeConsumer.getBundleContext();
        String filter = "(objectClass=" + MATHLIB + ")";
        List<String> heardByAcme = new CopyOnWriteArrayList<>();
        List<String> heardByRuntime = new CopyOnWriteArrayList<>();
        ServiceListener acmeListener = event -> heardByAcme.add(describe(event));
        ServiceListener runtimeListener = event -> heardByRuntime.add(describe(event));
        acme.addServiceListener(acmeListener, filter);
        context.addServiceListener(runtimeListener, filter);
        ServiceTracker<MathLib, MathLib> tracker = new ServiceTracker<>(acme, MathLib.class, null);
        tracker.open();
        try {
            int tracked = tracker.getTrackingCount();
            restart(globexMath);
            assertEquals("acme's tracker saw none of globex's events", tracked, tracker.getTrackingCount());
            assertEquals("acme's listener heard none of globex's events", List.of(), heardByAcme);
            assertEquals(List.of("UNREGISTERING globex", "REGISTERED globex"), heardByRuntime);

            restart(acmeMath);
            assertEquals(List.of("UNREGISTERING acme", "REGISTERED acme"), heardByAcme);
            assertTrue(tracker.getTrackingCount() > tracked);
            assertOnly(acmeMath, tracker.getServiceReferences());
        } finally {
            tracker.close();
            acme.removeServiceListener(acmeListener);
            context.removeServiceListener(runtimeListener);
        }
    }

    @Test
    public void aConsumerNeverBindsAnotherTenantsLibrary() throws Exception {
        acmeMath.stop();
        try {
            // SCR finds no MathLib for acme's consumer although globex's is registered
            Services.awaitAbsent(context, Object.class, registeredBy(acmeConsumer, COMMANDS));
            assertEquals(1, find(context, MATHLIB, null).length);
            assertEquals(0, find(acmeConsumer.getBundleContext(), MATHLIB, null).length);
            assertTrue(source(globexConsumer).startsWith("globex/math/v1 1.3.0 "));
        } finally {
            acmeMath.start();
        }
        Services.await(context, Object.class, registeredBy(acmeConsumer, COMMANDS));
        assertTrue(source(acmeConsumer), source(acmeConsumer).startsWith("acme/math/v1 1.2.0 generation "));
        assertEquals(String.valueOf(typedOf(acmeMath).getProperty(NativeBundleConstants.GENERATION)),
                source(acmeConsumer).replaceAll(".* generation (\\d+) on .*", "$1"));
    }

    @Test
    public void defaultAndRuntimeServicesAreVisibleToEveryTenant() throws Exception {
        for (Bundle b : List.of(acmeConsumer, globexConsumer, invalidConsumer)) {
            BundleContext c = b.getBundleContext();
            assertEquals(b.getSymbolicName(), List.of("default"),
                    tenantsOf(find(c, NativeLibrary.class.getName(), "(nativebundle.library=calc)")));
            assertEquals(b.getSymbolicName(), 1, find(c, NativeLibraryRegistry.class.getName(), null).length);
        }
        // the runtime, here the test's own bundle, sees every tenant
        assertEquals(2, find(context, MATHLIB, null).length);
        assertEquals(List.of("acme", "default", "globex"), tenantsOf(find(context, NativeLibrary.class.getName(), null)));
    }

    @Test
    public void aBundleWhoseTenantIsInvalidOrContradictsItsFolderIsRefusedOrIsolated() throws Exception {
        NativeBundleStatus impostor = awaitState(context, awaitBundle(context, "io.nativebundle.itests.impostor", null),
                NativeBundleStatus.State.REFUSED);
        assertEquals(RefusalReason.TENANT_REFUSED, impostor.reason().orElseThrow());
        assertTrue(impostor.detail(), impostor.detail().contains(
                "NativeBundle-Tenant: globex contradicts its folder plugins/acme/ (tenant 'acme')"));

        NativeBundleStatus badFolder = awaitState(context, awaitBundle(context, "io.nativebundle.itests.badfolder", null),
                NativeBundleStatus.State.REFUSED);
        assertEquals(RefusalReason.TENANT_REFUSED, badFolder.reason().orElseThrow());
        assertTrue(badFolder.detail(), badFolder.detail().contains(
                "plugins/Bad_Tenant/ but the folder name is not a valid tenant id: tenant id 'Bad_Tenant' contains 'B'"));

        // a consumer with an invalid tenant runs, but sees no tenant's library, so SCR never satisfies it
        assertEquals(Bundle.ACTIVE, invalidConsumer.getState());
        assertEquals(0, findAll(invalidConsumer.getBundleContext(), MATHLIB, null).length);
        assertEquals(0, find(context, null, registeredBy(invalidConsumer, COMMANDS)).length);
    }

    private ServiceReference<MathLib> typedOf(Bundle bundle) throws Exception {
        return Services.await(context, MathLib.class, "(service.bundleid=" + bundle.getBundleId() + ")");
    }

    private NativeLibrary libraryOf(Bundle bundle) throws Exception {
        for (ServiceReference<NativeLibrary> ref : context.getServiceReferences(NativeLibrary.class, null)) {
            NativeLibrary library = context.getService(ref);
            if (library.bundleId() == bundle.getBundleId()) {
                return library;
            }
        }
        throw new AssertionError("no NativeLibrary for " + bundle.getSymbolicName());
    }

    private Object command(Bundle consumer) throws Exception {
        return service(Object.class, registeredBy(consumer, COMMANDS));
    }

    /** What {@code example:source} of this consumer prints. */
    private String source(Bundle consumer) throws Exception {
        Object commands = command(consumer);
        return printed(() -> commands.getClass().getMethod("source").invoke(commands));
    }

    private int call(Bundle consumer, String method, int a, int b) throws Exception {
        Object commands = command(consumer);
        return Integer.parseInt(printed(() -> commands.getClass().getMethod(method, int.class, int.class)
                .invoke(commands, a, b)));
    }

    private interface Call {
        void run() throws Exception;
    }

    /**
     * What a consumer command prints: they print their result, as Gogo and Karaf route
     * {@code System.out} to the session; called directly here, so that each tenant's consumer is
     * asked, not whichever one Gogo would pick for {@code example:source}.
     */
    private static synchronized String printed(Call call) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private void restart(Bundle bundle) throws Exception {
        bundle.stop();
        bundle.start();
        typedOf(bundle);
    }

    private static void assertOnly(Bundle registrant, Object refs) {
        ServiceReference<?>[] array = refs instanceof java.util.Collection<?> c
                ? c.toArray(new ServiceReference<?>[0]) : (ServiceReference<?>[]) refs;
        assertTrue("expected services of " + registrant.getSymbolicName() + " only, found " + Arrays.toString(array),
                array != null && array.length > 0);
        for (ServiceReference<?> ref : array) {
            assertEquals(ref.toString(), registrant, ref.getBundle());
        }
    }

    private static List<String> tenantsOf(ServiceReference<?>[] refs) {
        List<String> tenants = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            tenants.add(String.valueOf(ref.getProperty(NativeBundleConstants.TENANT)));
        }
        tenants.sort(null);
        return tenants;
    }

    private static List<String> distinctTenants(ServiceReference<?>[] refs) {
        return tenantsOf(refs).stream().distinct().toList();
    }

    private static String describe(ServiceEvent event) {
        String type = event.getType() == ServiceEvent.REGISTERED ? "REGISTERED"
                : event.getType() == ServiceEvent.UNREGISTERING ? "UNREGISTERING" : "MODIFIED";
        return type + " " + event.getServiceReference().getProperty(NativeBundleConstants.TENANT);
    }
}
