package io.nativebundle.itests.wrap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The drop-in path on the math example's real libmath.so: a descriptor and the library dropped
 * into {@code plugins/} (or a tenant's folder) become a bundle whose symbols are
 * {@code NativeFunction} services and answer {@code native:call}; deleting the descriptor
 * uninstalls it. Each test uses its own tenant folder, so they share one framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WrapDropInTest extends AbstractIntegrationTest {

    /**
     * A fixed folder: the class is loaded twice, by Maven for {@code config()} and inside the
     * framework for the tests, so a random name would differ between the two.
     */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "wrap-dropin/plugins");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    @Test
    public void aDroppedLibraryBecomesNativeFunctionsOfItsFoldersTenant() throws Exception {
        File acme = new File(PLUGINS, "acme");
        Drops.drop(acme, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(acme, "libmath.nativebundle", Drops.MATH);

        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=acme/math/v1)(nativebundle.symbol=add))");
        assertEquals("math", add.getProperty(NativeBundleConstants.LIBRARY));
        assertEquals("acme", add.getProperty(NativeBundleConstants.TENANT));
        assertEquals(new Version(1, 2, 0), add.getProperty(NativeBundleConstants.VERSION));
        assertEquals("linux-x86-64", add.getProperty(NativeBundleConstants.PLATFORM));
        assertEquals(5, context.getService(add).invoke(2, 3));

        ServiceReference<NativeFunction> greet = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=acme/math/v1)(nativebundle.symbol=greet))");
        assertEquals("Hello, osgi!", context.getService(greet).invoke("osgi"));
        assertEquals("42", Drops.call(context, "native:call acme/math/v1 multiply 6 7"));

        Bundle bundle = Drops.installedFrom(context, descriptor);
        assertEquals("nativebundle.wrapped.acme.math", bundle.getSymbolicName());
        assertEquals("libmath.nativebundle", bundle.getHeaders().get("NativeBundle-Wrapped"));
        assertEquals(Bundle.ACTIVE, bundle.getState());

        Files.delete(descriptor);
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.namespace=acme/math/v1)");
        Drops.await("the bundle of the deleted descriptor is uninstalled", () -> bundle.getState() == Bundle.UNINSTALLED);
    }

    @Test
    public void theDescriptorsTenantAppliesDirectlyInPlugins() throws Exception {
        List<String> lines = new ArrayList<>(Arrays.asList(Drops.MATH));
        lines.add(3, "tenant = globex");
        Drops.drop(PLUGINS, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(PLUGINS, "libmath.nativebundle", lines.toArray(new String[0]));

        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=globex/math/v1)(nativebundle.symbol=add))");
        assertEquals("globex", add.getProperty(NativeBundleConstants.TENANT));
        assertEquals(-1, context.getService(add).invoke(2, -3));
        assertEquals("5", Drops.call(context, "native:call globex/math/v1 add 2 3"));
        assertEquals("nativebundle.wrapped.globex.math", Drops.installedFrom(context, descriptor).getSymbolicName());

        Files.delete(descriptor);
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.namespace=globex/math/v1)");
    }

    @Test
    public void theLibraryMayArriveAfterItsDescriptor() throws Exception {
        File late = new File(PLUGINS, "late");
        Path descriptor = Drops.drop(late, "libmath.nativebundle", Drops.MATH);
        io.nativebundle.wrap.WrapStatus status = context.getService(Services.await(context,
                io.nativebundle.wrap.WrapStatus.class, null));
        String refusal = Drops.await("the descriptor is refused for its missing library",
                () -> status.refusal(descriptor).map(r -> r.message()).orElse(null));
        assertTrue(refusal, refusal.startsWith("libmath.nativebundle:1:1: the library file libmath.so is missing"));
        assertNull(Drops.installedFrom(context, descriptor));

        Drops.drop(late, "libmath.so", Drops.libmath());
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=late/math/v1)(nativebundle.symbol=add))");
        assertEquals(7, context.getService(add).invoke(3, 4));
        assertTrue(status.refusal(descriptor).isEmpty());
    }

    @Test
    public void nativeRefusedListsABadDropInUntilItIsFixed() throws Exception {
        File initech = new File(PLUGINS, "initech");
        Drops.drop(initech, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(initech, "libmath.nativebundle", Drops.mathWith(6, "add = (integer,int)int"));
        String expected = initech.toPath().toAbsolutePath().normalize() + "/libmath.nativebundle:6:8: unknown parameter"
                + " type 'integer'; expected one of void, byte, short, int, long, float, double, boolean, pointer,"
                + " string, buffer";
        Drops.await("native:refused lists it", () -> Gogo.run(context, "native:refused").contains(expected));

        Drops.drop(initech, "libmath.nativebundle", Drops.MATH);
        Services.await(context, NativeFunction.class, "(&(nativebundle.namespace=initech/math/v1)(nativebundle.symbol=add))");
        assertFalse(Gogo.run(context, "native:refused").contains(descriptor.getFileName() + ":6:8"));

        Files.delete(descriptor);
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.namespace=initech/math/v1)");
    }

    @Test
    public void nativeWrapWritesTheSameBundleToDiskAndFailsOnABadDescriptor() throws Exception {
        File ci = new File(NativeBundleOptions.WORK, "wrap-ci");
        Drops.clean(ci);
        Path library = Drops.drop(ci, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(ci, "libmath.nativebundle", Drops.MATH);
        Path out = ci.toPath().resolve("out/math.jar");
        String printed = Gogo.run(context, "native:wrap " + library + " " + descriptor + " " + out);
        assertEquals(out.toString(), printed);
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(out.toFile())) {
            java.util.jar.Attributes h = jar.getManifest().getMainAttributes();
            assertEquals("nativebundle.wrapped.default.math", h.getValue("Bundle-SymbolicName"));
            assertEquals("native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64", h.getValue("Bundle-NativeCode"));
            assertTrue(h.getValue("NativeBundle-Symbols"), h.getValue("NativeBundle-Symbols").startsWith(
                    "add;signature=\"(int,int)int\", multiply;signature=\"(int,int)int\""));
        }
        // the two-argument form finds the library next to the descriptor; same inputs, same bytes
        Path again = ci.toPath().resolve("again.jar");
        Gogo.run(context, "native:wrap " + descriptor + " " + again);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again)));

        Path bad = Drops.drop(ci, "bad.nativebundle", Drops.mathWith(7, "multiply = (int,int)intt"));
        Gogo.Outcome outcome = Gogo.execute(context, "native:wrap " + library + " " + bad + " " + ci + "/bad.jar");
        assertEquals(ci.toPath().toAbsolutePath() + "/bad.nativebundle:7:21: unknown return type 'intt'; expected one of"
                + " void, byte, short, int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t",
                outcome.failureMessage());
        assertTrue(Files.notExists(ci.toPath().resolve("bad.jar")));
    }
}
