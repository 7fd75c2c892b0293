package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/**
 * An unload that outlives {@code io.nativebundle.unload.timeout.ms} (here 0 ms, so every unload
 * does) is reported, and the library is closed later, once released, by the reaper; the stop
 * itself does not wait.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnloadTimeoutTest extends AbstractIntegrationTest {

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return MathBundle.probe(probe);
    }

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core(bundle(NativeBundleOptions.jar("math").toURI().toString()),
                frameworkProperty("io.nativebundle.unload.timeout.ms").value("0"));
    }

    @Test
    public void anUnloadPastItsTimeoutIsReportedAndClosedLaterByTheReaper() throws Throwable {
        ServiceReference<?> ref = MathBundle.awaitGeneration(context, 0);
        long generation = MathBundle.generation(ref);
        Path file = context.getService(Services.await(context, NativeLibrary.class,
                "(" + NativeBundleConstants.GENERATION + "=" + generation + ")")).file();
        ServiceReference<NativeLibraryRegistry> registryRef = Services.await(context, NativeLibraryRegistry.class, null);
        NativeLibraryRegistry registry = context.getService(registryRef);
        Bundle math = ref.getBundle();

        try (EventRecorder events = new EventRecorder(context)) {
            math.stop();

            EventRecorder.Recorded timeout = events.await("io/nativebundle/UNLOAD_TIMEOUT",
                    e -> Long.valueOf(generation).equals(e.get("generation")));
            assertTrue(timeout.toString(), ((String) timeout.get("message")).contains("ms after unload math generation "
                    + generation + " is still referenced by a call in flight or a leaked reference;"
                    + " it stays mapped until released"));
            assertEquals(1L, registryRef.getProperty("nativebundle.unload.timeouts"));
            NativeBundleStatus status = registry.status(math.getBundleId()).orElseThrow();
            assertEquals(NativeBundleStatus.State.UNLOADED, status.state());
            boolean closedAlready = !Files.exists(file);
            assertTrue(status.detail(), closedAlready || status.detail().contains("generation " + generation + " (unloaded "));

            EventRecorder.Recorded unloaded = events.await("io/nativebundle/UNLOADED",
                    e -> Long.valueOf(generation).equals(e.get("generation")));
            assertTrue(unloaded.toString(), ((String) unloaded.get("message")).endsWith("once released"));
        }
        assertFalse("closed by the reaper", ProcessState.mapped("libmath.so").contains(file.toString()));
        assertFalse(Files.exists(file.getParent()));
        assertEquals(0, registryRef.getProperty("nativebundle.unload.lingering"));
        assertFalse(registry.status(math.getBundleId()).orElseThrow().detail().contains("still referenced"));

        math.start();
        assertEquals(5, new MathBundle().add(context.getService(MathBundle.awaitGeneration(context, generation)), 2, 3));
    }
}
