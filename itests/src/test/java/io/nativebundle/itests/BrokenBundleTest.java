package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Gogo;

/** A bundle whose library cannot be opened is refused with a reason; nothing else is disturbed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokenBundleTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void aLibraryThatCannotBeOpenedIsRefusedAndTheRestKeepsServing() throws Exception {
        MathLib good = service(MathLib.class, null);
        BundleRewriter rewriter = BundleRewriter.of(NativeBundleOptions.jar("math"));
        byte[] library = rewriter.entry(Platform.entry("math"));
        byte[] truncated = Arrays.copyOf(library, 200);
        byte[] broken = rewriter.symbolicName("io.nativebundle.itests.unopenable")
                .entry(Platform.entry("math"), truncated).fixDigests().toBytes();

        Bundle bundle = context.installBundle("test:unopenable", new ByteArrayInputStream(broken));
        bundle.start();

        assertEquals("a refused library must not fail the bundle's start", Bundle.ACTIVE, bundle.getState());
        assertNull("the refused bundle registers no service", bundle.getRegisteredServices());
        NativeLibraryRegistry registry = registry();
        NativeBundleStatus status = registry.status(bundle.getBundleId()).orElseThrow();
        assertEquals(NativeBundleStatus.State.REFUSED, status.state());
        assertTrue(status.toString(), status.reason().isPresent());
        assertTrue(status.detail(), status.detail().contains("libmath.so"));

        // the loader, the good library and its consumer keep serving
        assertEquals(Bundle.ACTIVE, installed("io.nativebundle.loader").getState());
        assertEquals(5, good.add(2, 3));
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals(NativeBundleStatus.State.ACTIVE, registry.statuses().stream()
                .filter(s -> s.symbolicName().equals("io.nativebundle.examples.math")).findFirst().orElseThrow().state());
        bundle.uninstall();
    }

}
