package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.osgi.Gogo;

/**
 * {@code update} of a native bundle, with no refresh, as an operator types it in Gogo: the SCR
 * consumers, typed ({@code MathLib}) and by name ({@code NativeFunction}), are bound to the new
 * library generation by the time {@code update} returns. That works because the math bundle
 * imports the interface package it exports: the new revision wires to the package the consumer
 * already uses, so the new typed service is assignable to it. And {@code native:refresh}, without
 * arguments, returns only when the framework has rewired everything.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class UpdateWithoutRefreshTest extends AbstractIntegrationTest {

    private static final String CONSUMER = "io.nativebundle.examples.consumer";

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return MathBundle.probe(probe);
    }

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Test
    public void typedAndByNameConsumersAreBoundToTheNewGenerationWhenUpdateReturns() throws Exception {
        long before = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
        Bundle math = MathBundle.find(context);

        math.update(new ByteArrayInputStream(MathBundle.variant(1)));

        // no refresh and no waiting: what update left behind is what the next command sees
        long after = MathBundle.generation(current());
        assertTrue("a new generation is loaded: " + before + " -> " + after, after > before);
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals("default/math/v1 1.2.0 generation " + after + " on " + Platform.name(),
                Gogo.run(context, "example:source"));
        assertEquals("5", Gogo.run(context, "example:addbyname 2 3"));
        assertEquals("default/math/v1 1.2.0 generation " + after + " by name", Gogo.run(context, "example:bynamesource"));

        BundleWire consumerWire = packageWire(installed(CONSUMER));
        BundleWire mathWire = packageWire(math);
        assertNotNull("the new math revision imports its own interface package", mathWire);
        assertSame("one class space: the new revision and the consumer share the package's exporter",
                consumerWire.getProvider(), mathWire.getProvider());
    }

    @Test
    public void everyUpdateOfASeriesKeepsTheConsumersBound() throws Exception {
        Bundle math = MathBundle.find(context);
        for (int i = 0; i < 3; i++) {
            long before = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
            math.update(new ByteArrayInputStream(MathBundle.variant(10 + i)));
            long after = MathBundle.generation(current());
            assertTrue(before + " -> " + after, after > before);
            assertEquals("7", Gogo.run(context, "example:add 3 4"));
            assertEquals("7", Gogo.run(context, "example:addbyname 3 4"));
        }
    }

    @Test
    public void nativeRefreshWithoutArgumentsReturnsWhenTheFrameworkIsDone() throws Exception {
        MathBundle.awaitGeneration(context, 0);
        Bundle math = MathBundle.find(context);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        math.update(new ByteArrayInputStream(MathBundle.variant(2)));
        assertTrue("the old revision waits for a refresh", wiring.getRemovalPendingBundles().contains(math));

        String refreshed = Gogo.run(context, "native:refresh");

        assertTrue(refreshed, refreshed.lines().anyMatch(l -> l.equals(math.getBundleId() + " " + MathBundle.SYMBOLIC_NAME)));
        assertTrue(refreshed, refreshed.lines().anyMatch(l -> l.endsWith(" " + CONSUMER)));
        assertEquals("nothing is pending once native:refresh returned", 0, wiring.getRemovalPendingBundles().size());
        assertEquals(Bundle.ACTIVE, installed(CONSUMER).getState());
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals("5", Gogo.run(context, "example:addbyname 2 3"));
        long generation = MathBundle.generation(current());
        assertEquals("default/math/v1 1.2.0 generation " + generation + " on " + Platform.name(),
                Gogo.run(context, "example:source"));
        assertEquals("nothing to refresh", Gogo.run(context, "native:refresh"));
    }

    @Test
    public void nativeRefreshOfOneBundleById() throws Exception {
        MathBundle.awaitGeneration(context, 0);
        Bundle math = MathBundle.find(context);
        math.update(new ByteArrayInputStream(MathBundle.variant(3)));

        String refreshed = Gogo.run(context, "native:refresh " + math.getBundleId());

        assertTrue(refreshed, refreshed.startsWith(math.getBundleId() + " " + MathBundle.SYMBOLIC_NAME));
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        Gogo.Outcome unknown = Gogo.execute(context, "native:refresh 9999");
        assertEquals("no bundle 9999 is installed", unknown.failureMessage());
    }

    /** The MathLib service registered right now; fails when there is none. */
    private ServiceReference<?> current() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(MathBundle.MATH_LIB, null);
        assertNotNull("a MathLib service is registered as soon as update returns", refs);
        return Arrays.stream(refs).max((a, b) -> Long.compare(MathBundle.generation(a), MathBundle.generation(b)))
                .orElseThrow();
    }

    /** The bundle's wire for the math interface package. */
    private static BundleWire packageWire(Bundle bundle) {
        return bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> "io.nativebundle.examples.math".equals(w.getCapability().getAttributes()
                        .get("osgi.wiring.package")))
                .findFirst().orElse(null);
    }
}
