package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The extender contract, as Felix SCR keeps it for components: a native bundle requires the
 * {@code io.nativebundle} extender, the resolver wires it to the loader, and the loader extends
 * only bundles wired to it, or with no such requirement at all; a bundle wired to another
 * provider of the extender is left to that one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtenderWiringTest extends AbstractIntegrationTest {

    private static final String EXTENDER = "osgi.extender";
    private static final String FILTER_1 = "(&(osgi.extender=io.nativebundle)(version>=1.0.0)(!(version>=2.0.0)))";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void aBuiltNativeBundleIsWiredToTheLoader() throws Exception {
        Bundle math = installed("io.nativebundle.examples.math");
        assertEquals("io.nativebundle.loader", extenderOf(math).getSymbolicName());
        assertEquals(NativeBundleStatus.State.ACTIVE, registry().status(math.getBundleId()).orElseThrow().state());
    }

    @Test
    public void aBundleWiredToAnotherProviderIsLeftToIt() throws Exception {
        // an extender of the same name and a newer version, which the loader is not
        byte[] other = BundleRewriter.of(NativeBundleOptions.jar("math")).symbolicName("io.nativebundle.itests.otherloader")
                .removeEntries("native/").removeEntries("io/")
                .header("Provide-Capability", "osgi.extender;osgi.extender=\"io.nativebundle\";version:Version=\"1.5.0\"")
                .header("Require-Capability", null).header("Export-Package", null).header("Import-Package", null)
                .header("NativeBundle-Library", null).header("NativeBundle-Symbols", null)
                .header("NativeBundle-Digest", null).header("Bundle-NativeCode", null).toBytes();
        BundleRewriter math = BundleRewriter.of(NativeBundleOptions.jar("math"))
                .symbolicName("io.nativebundle.itests.extendedelsewhere");
        byte[] wiredElsewhere = math.header("Require-Capability", replaceExtenderFilter(math,
                "(&(osgi.extender=io.nativebundle)(version>=1.5.0))")).toBytes();

        Bundle otherLoader = context.installBundle("test:otherloader", new ByteArrayInputStream(other));
        Bundle bundle = context.installBundle("test:extendedelsewhere", new ByteArrayInputStream(wiredElsewhere));
        try {
            otherLoader.start();
            bundle.start();

            assertEquals(Bundle.ACTIVE, bundle.getState());
            assertEquals(otherLoader, extenderOf(bundle));
            Object[] services = bundle.getRegisteredServices();
            assertEquals("the loader registered nothing for it", 0, services == null ? 0 : services.length);
            NativeBundleStatus status = registry().status(bundle.getBundleId()).orElseThrow();
            assertEquals(NativeBundleStatus.State.UNLOADED, status.state());
            assertEquals("the bundle is wired to another io.nativebundle extender, io.nativebundle.itests.otherloader "
                    + otherLoader.getVersion() + " [" + otherLoader.getBundleId() + "], which loads it instead of"
                    + " this loader", status.detail());
            assertEquals(NativeBundleStatus.State.ACTIVE, registry().status(installed("io.nativebundle.examples.math")
                    .getBundleId()).orElseThrow().state());
        } finally {
            bundle.uninstall();
            otherLoader.uninstall();
        }
    }

    @Test
    public void aBundleWithoutTheRequirementIsExtendedAsScrDoes() throws Exception {
        BundleRewriter math = BundleRewriter.of(NativeBundleOptions.jar("math"))
                .symbolicName("io.nativebundle.itests.norequirement");
        String withoutExtender = math.header("Require-Capability").replace(",osgi.extender;filter:=\"" + FILTER_1 + "\"", "");
        assertFalse("the requirement was removed: " + withoutExtender, withoutExtender.contains(EXTENDER));
        Bundle bundle = context.installBundle("test:norequirement",
                new ByteArrayInputStream(math.header("Require-Capability", withoutExtender).toBytes()));
        try {
            bundle.start();
            assertEquals(List.of(), bundle.adapt(BundleWiring.class).getRequiredWires(EXTENDER));
            assertEquals(NativeBundleStatus.State.ACTIVE, registry().status(bundle.getBundleId()).orElseThrow().state());
        } finally {
            bundle.uninstall();
        }
    }

    /** The math jar's Require-Capability with the extender filter replaced. */
    private static String replaceExtenderFilter(BundleRewriter math, String filter) {
        String requirement = math.header("Require-Capability");
        if (!requirement.contains(FILTER_1)) {
            throw new IllegalStateException("the math jar's extender requirement changed: " + requirement);
        }
        return requirement.replace(FILTER_1, filter);
    }

    private static Bundle extenderOf(Bundle bundle) {
        List<BundleWire> wires = bundle.adapt(BundleWiring.class).getRequiredWires(EXTENDER);
        assertEquals(wires.toString(), 1, wires.size());
        return wires.get(0).getProvider().getBundle();
    }
}
