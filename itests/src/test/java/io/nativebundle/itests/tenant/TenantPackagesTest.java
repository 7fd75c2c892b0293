package io.nativebundle.itests.tenant;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * Java packages are kept apart by tenant (the loader's resolver hook): {@code acme} and
 * {@code globex} each deploy their own version of the math API bundle, 1.2.0 and 1.3.0, and each
 * tenant's native math bundle, which imports {@code io.nativebundle.examples.math;version="[1.2,2)"},
 * wires to its own tenant's API. Without the hook both would wire to globex's 1.3.0, the highest.
 * A bundle of a third tenant finds no exporter at all and stays unresolved.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantPackagesTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core();
    }

    @Test
    public void eachTenantWiresToItsOwnVersionOfTheApiBundle() throws Exception {
        List<Bundle> installed = new ArrayList<>();
        try {
            Bundle acmeApi = install(installed, api("1.2.0", "acme"), "acme-api");
            Bundle globexApi = install(installed, api("1.3.0", "globex"), "globex-api");
            Bundle acmeMath = install(installed, TenantBundles.math("io.nativebundle.itests.acme.math", "1.2.0", "acme"),
                    "acme-math");
            Bundle globexMath = install(installed, TenantBundles.math("io.nativebundle.itests.globex.math", "1.3.0",
                    "globex"), "globex-math");
            Bundle initechMath = install(installed, TenantBundles.math("io.nativebundle.itests.initech.math", "1.2.0",
                    "initech"), "initech-math");
            // one resolve for all of them, so that each importer has both exporters to choose from
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed);

            assertEquals("acme's math wires to acme's API", acmeApi, apiProvider(acmeMath));
            assertEquals("globex's math wires to globex's API", globexApi, apiProvider(globexMath));
            assertEquals("no exporter is visible to initech", Bundle.INSTALLED, initechMath.getState());

            acmeMath.start();
            globexMath.start();
            assertEquals("acme", awaitState(context, acmeMath, State.ACTIVE).loaded().orElseThrow().tenant());
            assertEquals("globex", awaitState(context, globexMath, State.ACTIVE).loaded().orElseThrow().tenant());
            for (String tenant : List.of("acme", "globex")) {
                ServiceReference<?>[] typed = context.getAllServiceReferences(TenantBundles.API_PACKAGE + ".MathLib",
                        "(nativebundle.tenant=" + tenant + ")");
                assertEquals(tenant + "'s typed service, bound against its own API", 1, typed.length);
                Object math = context.getService(typed[0]);
                assertEquals(5, math.getClass().getMethod("add", int.class, int.class).invoke(math, 2, 3));
                context.ungetService(typed[0]);
            }
            String explained = TenantStatus.awaitState(context, initechMath, State.UNRESOLVED).detail();
            assertTrue(explained, explained.contains(TenantBundles.API_PACKAGE)
                    && explained.contains("only bundles of other tenants provide it (")
                    && explained.contains("io.nativebundle.itests.math.api.acme 1.2.0 [" + acmeApi.getBundleId() + "]")
                    && explained.contains("io.nativebundle.itests.math.api.globex 1.3.0 [" + globexApi.getBundleId() + "]"));
        } finally {
            for (Bundle b : installed) {
                b.uninstall();
            }
        }
    }

    @Test
    public void theRuntimeMayStillWireToAnyTenantsPackages() throws Exception {
        List<Bundle> installed = new ArrayList<>();
        try {
            Bundle globexApi = install(installed, api("1.3.0", "globex"), "globex-api-2");
            // a bundle installed from outside plugins/ without a tenant header is part of the runtime
            Bundle runtimeImporter = install(installed, TenantBundles.math("io.nativebundle.itests.runtime.math",
                    "1.2.0", null), "runtime-math");
            assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed));
            assertEquals(globexApi, apiProvider(runtimeImporter));
            assertFalse(runtimeImporter.getState() == Bundle.INSTALLED);
        } finally {
            for (Bundle b : installed) {
                b.uninstall();
            }
        }
    }

    /** The math API bundle of a tenant, exporting the interface package at {@code version}. */
    private static BundleRewriter api(String version, String tenant) throws Exception {
        return BundleRewriter.of(TenantBundles.api())
                .symbolicName("io.nativebundle.itests.math.api." + tenant)
                .header("Bundle-Version", version)
                .header("Export-Package", TenantBundles.API_PACKAGE + ";version=\"" + version + "\"")
                .header("NativeBundle-Tenant", tenant);
    }

    private Bundle install(List<Bundle> installed, BundleRewriter jar, String name) throws Exception {
        Bundle b = context.installBundle("test:packages-" + name, new ByteArrayInputStream(jar.toBytes()));
        installed.add(b);
        return b;
    }

    private static Bundle apiProvider(Bundle importer) {
        for (BundleWire wire : importer.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (TenantBundles.API_PACKAGE.equals(wire.getCapability().getAttributes()
                    .get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return wire.getProvider().getBundle();
            }
        }
        throw new AssertionError(importer + " has no wire for " + TenantBundles.API_PACKAGE);
    }
}
