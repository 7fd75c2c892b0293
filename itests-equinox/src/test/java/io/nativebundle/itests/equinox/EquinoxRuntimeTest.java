package io.nativebundle.itests.equinox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/** The math example and its SCR consumer in Eclipse Equinox, with no launcher-only framework property. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EquinoxRuntimeTest {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EquinoxOptions.withExamples();
    }

    @Test
    public void theFrameworkIsEquinoxAndNoNativebundlePropertyIsSet() {
        assertEquals("org.eclipse.osgi", context.getBundle(Constants.SYSTEM_BUNDLE_ID).getSymbolicName());
        for (String property : List.of("org.osgi.framework.system.capabilities.extra", NativeBundleConstants.LIBC_PROPERTY,
                NativeBundleConstants.GLIBC_VERSION_PROPERTY, NativeBundleConstants.CACHE_DIR_PROPERTY,
                "felix.native.processor.alias.aarch64")) {
            assertNull(property, context.getProperty(property));
        }
    }

    @Test
    public void theMathBundleWiresItsAbiRequirementToTheLoader() throws Exception {
        Services.await(context, MathLib.class, null);
        Bundle math = bundle("io.nativebundle.examples.math");
        List<BundleWire> abi = math.adapt(BundleWiring.class).getRequiredWires(NativeBundleConstants.ABI_NAMESPACE);
        assertEquals(abi.toString(), 1, abi.size());
        assertEquals("io.nativebundle.loader", abi.get(0).getProvider().getBundle().getSymbolicName());
    }

    @Test
    public void theTypedServiceAndANativeFunctionCallC() throws Exception {
        ServiceReference<MathLib> typed = Services.await(context, MathLib.class, null);
        assertEquals(5, context.getService(typed).add(2, 3));
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.SYMBOL + "=add))");
        assertEquals(5, context.getService(add).invoke(2, 3));
    }

    /**
     * On JDK 17 the loader calls through jnr; in the second run (Temurin 25, the FFM fragment installed) Equinox
     * attaches the fragment to the loader (its osgi.ee JavaSE 22 requirement met) and the loader chooses FFM; with
     * the fragment on 17 it stays unresolved and the loader on jnr.
     */
    @Test
    public void theServicesNameTheBackendTheLoaderChose() throws Exception {
        String expected = EquinoxOptions.automaticBackend();
        ServiceReference<NativeLibrary> library = Services.await(context, NativeLibrary.class,
                "(" + NativeBundleConstants.LIBRARY + "=math)");
        assertEquals(expected, library.getProperty(NativeBundleConstants.BACKEND));
        assertEquals(expected, context.getService(library).backend());
        assertEquals(expected, Services.await(context, MathLib.class, null).getProperty(NativeBundleConstants.BACKEND));
        assertEquals(5, context.getService(Services.await(context, MathLib.class, null)).add(2, 3));
        if (EquinoxOptions.FFM && !"ffm".equals(expected)) {
            // below Java 22 (-Dnativebundle.itest.ffm=true on 17): harmless, it just does not resolve
            assertEquals(Bundle.INSTALLED, bundle("io.nativebundle.ffm").getState());
        } else if (EquinoxOptions.FFM) {
            Bundle ffm = bundle("io.nativebundle.ffm");
            List<BundleWire> host = ffm.adapt(BundleWiring.class).getRequiredWires(HostNamespace.HOST_NAMESPACE);
            assertEquals(host.toString(), 1, host.size());
            assertEquals(bundle("io.nativebundle.loader"), host.get(0).getProvider().getBundle());
        }
    }

    @Test
    public void theConsumerAndTheNativeCommandsPrintTheSum() throws Exception {
        Services.await(context, Object.class, "(osgi.command.scope=example)");
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        Services.await(context, Object.class, "(&(osgi.command.scope=native)(osgi.command.function=call))");
        assertEquals("5", Gogo.run(context, "native:call math add 2 3"));
        String list = Gogo.run(context, "native:list");
        assertTrue(list, list.lines().anyMatch(line -> line.contains("math") && line.contains("ACTIVE")));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " is installed");
    }
}
