package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Hot install, update and uninstall of the math example, through the BundleContext API (what the
 * Gogo {@code install}/{@code update}/{@code refresh}/{@code uninstall} commands call) and through
 * a FileInstall {@code plugins/} folder, with the SCR consumer following and the loader's events.
 * Each test leaves the math bundle installed and active.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotUpdateTest extends AbstractIntegrationTest {

    private static final String UNLOADED = "io/nativebundle/UNLOADED";
    private static final String LOADED = "io/nativebundle/LOADED";
    private static final String REFUSED = "io/nativebundle/REFUSED";

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return MathBundle.probe(probe);
    }

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples(NativeBundleOptions.fileInstall(NativeBundleOptions.newWorkDir("plugins")));
    }

    @Test
    public void aReferenceKeptFromBeforeThrowsAfterUnloadAndNeverReachesUnmappedCode() throws Throwable {
        MathBundle calls = new MathBundle();
        ServiceReference<?> ref = MathBundle.awaitGeneration(context, 0);
        long generation = MathBundle.generation(ref);
        Object kept = context.getService(ref);
        Path file = libraryFile(generation);
        assertEquals(5, calls.add(kept, 2, 3));
        assertTrue(ProcessState.mapped("libmath.so").contains(file.toString()));
        Bundle math = ref.getBundle();

        try (EventRecorder events = new EventRecorder(context)) {
            math.stop();

            for (int i = 0; i < 1_000; i++) {
                NativeLibraryUnloadedException e = assertThrows(NativeLibraryUnloadedException.class,
                        () -> calls.add(kept, 2, 3));
                assertEquals("math", e.library());
                assertEquals(generation, e.generation());
            }
            assertFalse("the library is dlclosed", ProcessState.mapped("libmath.so").contains(file.toString()));
            assertFalse("its cache folder is deleted", Files.exists(file.getParent()));
            EventRecorder.Recorded unloaded = events.await(UNLOADED, e -> Long.valueOf(generation).equals(e.get("generation")));
            assertEquals("math", unloaded.get("library"));
            assertEquals("1.2.0", unloaded.get("version"));
            assertEquals(math.getBundleId(), unloaded.get("bundle.id"));
            assertEquals(MathBundle.SYMBOLIC_NAME, unloaded.get("bundle.symbolicName"));
            assertTrue(unloaded.toString(), ((String) unloaded.get("reason")).contains("stopping"));
            assertTrue(unloaded.toString(), ((String) unloaded.get("message")).startsWith("closed "));

            math.start();
            ServiceReference<?> next = MathBundle.awaitGeneration(context, generation);
            long nextGeneration = MathBundle.generation(next);
            assertThrows("a new generation does not revive the old reference", NativeLibraryUnloadedException.class,
                    () -> calls.add(kept, 2, 3));
            assertEquals(5, calls.add(context.getService(next), 2, 3));
            EventRecorder.Recorded loaded = events.await(LOADED, e -> Long.valueOf(nextGeneration).equals(e.get("generation")));
            assertEquals(math.getBundleId(), loaded.get("bundle.id"));
        }
    }

    @Test
    public void anUpdateThroughTheApiRebindsTheScrConsumerToTheNewGeneration() throws Exception {
        long generation = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
        awaitSource(generation);
        Path oldFile = libraryFile(generation);
        Bundle math = MathBundle.find(context);

        math.update(new ByteArrayInputStream(MathBundle.variant(1)));
        MathBundle.refresh(context, math);

        long next = MathBundle.generation(MathBundle.awaitGeneration(context, generation));
        awaitSource(next);
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals(Bundle.ACTIVE, math.getState());
        assertFalse("the old generation is unmapped", ProcessState.mapped("libmath.so").contains(oldFile.toString()));
        assertFalse("and its folder deleted", Files.exists(oldFile.getParent()));
    }

    @Test
    public void anUpdateToABrokenRevisionLeavesARefusalAndTheConsumerSeesNoService() throws Exception {
        long generation = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
        Bundle math = MathBundle.find(context);
        try (EventRecorder events = new EventRecorder(context)) {
            math.update(new ByteArrayInputStream(MathBundle.broken()));
            MathBundle.refresh(context, math);

            assertEquals("a refused library does not fail the bundle", Bundle.ACTIVE, math.getState());
            NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
            NativeBundleStatus status = registry.status(math.getBundleId()).orElseThrow();
            assertEquals(status.toString(), NativeBundleStatus.State.REFUSED, status.state());
            assertTrue(status.toString(), status.reason().isPresent());
            assertTrue(status.detail(), status.detail().contains("libmath.so"));
            Services.awaitAbsent(context, Object.class, "(objectClass=" + MathBundle.MATH_LIB + ")");
            Gogo.Outcome call = Gogo.execute(context, "example:add 2 3");
            assertNotNull("the consumer has no service to call: " + call.output(), call.failure());
            EventRecorder.Recorded refused = events.await(REFUSED, e -> Long.valueOf(math.getBundleId()).equals(e.get("bundle.id")));
            assertEquals(status.reason().get().name(), refused.get("reason"));
            assertEquals("math", refused.get("library"));
            assertEquals(status.detail(), refused.get("message"));

            math.update(new ByteArrayInputStream(MathBundle.variant(2)));
            MathBundle.refresh(context, math);
            long repaired = MathBundle.generation(MathBundle.awaitGeneration(context, generation));
            awaitSource(repaired);
            assertEquals("5", Gogo.run(context, "example:add 2 3"));
            assertEquals(NativeBundleStatus.State.ACTIVE, registry.status(math.getBundleId()).orElseThrow().state());
        }
    }

    @Test
    public void thePluginsFolderInstallsUpdatesAndRemovesTheLibrary() throws Exception {
        Path plugins = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path cache = Path.of(context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY));
        long generation = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
        Bundle installed = MathBundle.find(context);
        String location = installed.getLocation();
        installed.uninstall();
        MathBundle.refresh(context, installed);
        Services.awaitAbsent(context, Object.class, "(objectClass=" + MathBundle.MATH_LIB + ")");

        MathBundle.drop(plugins, "math.jar", MathBundle.variant(10));
        ServiceReference<?> dropped = MathBundle.awaitGeneration(context, generation);
        assertTrue(dropped.getBundle().getLocation(), dropped.getBundle().getLocation().contains("math.jar"));
        startConsumer();
        awaitSource(MathBundle.generation(dropped));

        MathBundle.drop(plugins, "math.jar", MathBundle.variant(11));
        ServiceReference<?> replaced = MathBundle.awaitGeneration(context, MathBundle.generation(dropped));
        awaitSource(MathBundle.generation(replaced));
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals(1, ProcessState.files(cache, "libmath.so").size());

        MathBundle.awaitRefreshAfter(context, "FileInstall uninstalls the deleted jar and refreshes",
                () -> Files.delete(plugins.resolve("math.jar")));
        Services.awaitAbsent(context, Object.class, "(objectClass=" + MathBundle.MATH_LIB + ")");
        Await.until("FileInstall uninstalled it", Duration.ofMillis(MathBundle.TIMEOUT_MS),
                () -> MathBundle.find(context) == null);
        assertEquals("nothing of the library is left in the cache", 0, ProcessState.files(cache, ".so").size());
        assertTrue("nothing of this runtime's cache is mapped",
                ProcessState.mapped("libmath.so").stream().noneMatch(p -> p.startsWith(cache.toString())));

        context.installBundle(location).start();
        long restored = MathBundle.generation(MathBundle.awaitGeneration(context, MathBundle.generation(replaced)));
        startConsumer();
        awaitSource(restored);
    }

    /**
     * Starts the consumer again after the math bundle came back from nothing: while no bundle
     * exported its package the consumer could not resolve, and the framework does not retry that
     * on its own (an update, unlike uninstall and install, keeps it resolved).
     */
    private void startConsumer() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("io.nativebundle.examples.consumer".equals(b.getSymbolicName())) {
                b.start();
            }
        }
    }

    private Path libraryFile(long generation) throws Exception {
        ServiceReference<NativeLibrary> ref = Services.await(context, NativeLibrary.class,
                "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.GENERATION + "=" + generation + "))");
        return context.getService(ref).file();
    }

    /** Waits until the SCR consumer's {@code example:source} reports {@code generation}. */
    private void awaitSource(long generation) throws Exception {
        String expected = "default/math/v1 1.2.0 generation " + generation + " on " + Platform.name();
        Await.until("example:source printing '" + expected + "'", Duration.ofMillis(MathBundle.TIMEOUT_MS), () -> {
            Gogo.Outcome last = Gogo.execute(context, "example:source");
            return last.failure() == null && last.output().equals(expected);
        });
    }
}
