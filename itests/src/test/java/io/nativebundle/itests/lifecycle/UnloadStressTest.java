package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.osgi.framework.wiring.FrameworkWiring;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The Done-when of the lifecycle issue: 8 threads call {@code MathLib.add} without pause while
 * the math bundle is updated, uninstalled and installed again, round after round, alternating
 * the BundleContext API (what Gogo's commands call) and file operations in a FileInstall
 * {@code plugins/} folder. Afterwards every call has exactly one acceptable outcome, and the
 * process holds no more mappings, descriptors or cache files than before.
 *
 * <p>Cycles: {@code -Dnativebundle.stress.cycles=N} (default 200); each cycle is one of, in turn:
 * API update + refresh; API uninstall + drop into plugins/; replace in plugins/; delete from
 * plugins/ + API install.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnloadStressTest extends AbstractIntegrationTest {

    private static final int CALLERS = Integer.getInteger("nativebundle.stress.callers", 8);
    private static final String API_LOCATION = "test:math";
    /** Descriptors other parts of the framework may open or close meanwhile (jar files, FileInstall). */
    private static final int FD_SLACK = 4;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return MathBundle.probe(probe);
    }

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core(NativeBundleOptions.fileInstall(NativeBundleOptions.newWorkDir("plugins")));
    }

    @Test
    public void callsSurviveHundredsOfUpdatesAndReinstallsWithNothingLeftBehind() throws Throwable {
        int cycles = Integer.getInteger("nativebundle.stress.cycles", 200);
        Path plugins = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path cache = Path.of(context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY));
        context.installBundle(API_LOCATION, new ByteArrayInputStream(MathBundle.variant(0))).start();
        long first = MathBundle.generation(MathBundle.awaitGeneration(context, 0));
        Path firstFile = libraryFile(first);
        // all Pax Exam frameworks of the build share this JVM: what others left mapped is counted, not blamed
        Set<String> mappedBefore = ProcessState.mapped("libmath.so");
        int fdsBefore = ProcessState.openFds();

        EventRecorder events = new EventRecorder(context);
        Callers callers = new Callers(context, CALLERS);
        callers.start();
        long start = System.nanoTime();
        long generation = first;
        long[] perKind = new long[4];
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long t0 = System.nanoTime();
            generation = cycle(cycle, plugins, generation);
            perKind[cycle % 4] += System.nanoTime() - t0;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Callers.Result result = callers.stop();
        events.close();
        long[] unloadMillis = events.all().stream().filter(e -> e.topic().equals("io/nativebundle/UNLOADED"))
                .mapToLong(e -> Long.parseLong(((String) e.get("message")).split(" ")[1])).sorted().toArray();

        ServiceReference<?> live = MathBundle.awaitGeneration(context, generation - 1);
        assertEquals("the JVM and the library are alive", 5, new MathBundle().add(context.getService(live), 2, 3));
        Path liveFile = libraryFile(MathBundle.generation(live));
        ServiceReference<NativeLibraryRegistry> registry = Services.await(context, NativeLibraryRegistry.class, null);
        Set<String> mappedAfter = ProcessState.mapped("libmath.so");
        int fdsAfter = ProcessState.openFds();
        List<Path> cachedLibraries = ProcessState.files(cache, ".so");
        String report = String.format("stress: %d cycles in %d ms, %d generations, %d callers: %d calls = %d returned"
                        + " + %d NativeLibraryUnloadedException (+ %d wrong, %d other); %d polls without a service;"
                        + " libmath.so mappings %s -> %s; open fds %d -> %d; unload timeouts %s; cache %s;"
                + " ms per cycle kind (update, uninstall+drop, replace, delete+install) %s;"
                + " %d unloads waited median %d ms, max %d ms",
                cycles, millis, MathBundle.generation(live) - first, CALLERS, result.attempts(), result.successes(),
                result.unloaded(), result.wrong(), result.other(), result.noService(), mappedBefore.size(),
                mappedAfter.size(), fdsBefore, fdsAfter, registry.getProperty("nativebundle.unload.timeouts"),
                cachedLibraries, perCycle(perKind, cycles), unloadMillis.length,
                unloadMillis.length == 0 ? 0 : unloadMillis[unloadMillis.length / 2],
                unloadMillis.length == 0 ? 0 : unloadMillis[unloadMillis.length - 1]);
        System.out.println(report);
        Files.writeString(NativeBundleOptions.WORK.toPath().resolve("stress-report.txt"), report + "\n",
                StandardCharsets.UTF_8);

        assertNull("every call returned the right sum or threw NativeLibraryUnloadedException", result.firstProblem());
        assertEquals(0, result.wrong());
        assertEquals(0, result.other());
        assertEquals("no call without an outcome", result.attempts(), result.successes() + result.unloaded());
        assertTrue("the callers kept calling: " + report, result.successes() > cycles);
        assertTrue("every cycle loaded a new generation", MathBundle.generation(live) - first >= cycles);
        assertEquals("no unload waited past its timeout", 0L, registry.getProperty("nativebundle.unload.timeouts"));
        assertEquals(0, registry.getProperty("nativebundle.unload.lingering"));
        assertTrue(mappedBefore.contains(firstFile.toString()));
        assertTrue(mappedAfter.contains(liveFile.toString()));
        assertEquals("as many mapped copies as before", mappedBefore.size(), mappedAfter.size());
        assertEquals("of the generations of this test only the live one is mapped", without(mappedBefore, firstFile),
                without(mappedAfter, liveFile));
        assertTrue("open descriptors back to their level: " + report, Math.abs(fdsAfter - fdsBefore) <= FD_SLACK);
        assertEquals("the cache holds only the live revision", List.of(liveFile), cachedLibraries);
        try (Stream<Path> runtimes = Files.list(cache)) {
            assertEquals(1, runtimes.filter(Files::isDirectory).count());
        }
    }

    /** One lifecycle operation; returns the generation it loaded. */
    private long cycle(int cycle, Path plugins, long after) throws Exception {
        switch (cycle % 4) {
            case 1: {
                // Gogo: update <id>; refresh
                Bundle math = MathBundle.find(context);
                math.update(new ByteArrayInputStream(MathBundle.variant(cycle)));
                MathBundle.refresh(context, math);
                break;
            }
            case 2: {
                // Gogo: uninstall <id>; refresh -- then the jar is dropped into plugins/
                Bundle math = MathBundle.find(context);
                math.uninstall();
                MathBundle.refresh(context, math);
                MathBundle.drop(plugins, "math.jar", MathBundle.variant(cycle));
                break;
            }
            case 3:
                // plugins/: the jar is replaced
                MathBundle.drop(plugins, "math.jar", MathBundle.variant(cycle));
                break;
            default: {
                // plugins/: the jar is deleted -- then Gogo: install; start, while FileInstall may still refresh
                Files.delete(plugins.resolve("math.jar"));
                awaitUninstalled();
                context.installBundle(API_LOCATION, new ByteArrayInputStream(MathBundle.variant(cycle))).start();
                awaitRefreshed();
                break;
            }
        }
        return MathBundle.generation(MathBundle.awaitGeneration(context, after));
    }

    private static Set<String> without(Set<String> mapped, Path file) {
        Set<String> others = new TreeSet<>(mapped);
        others.remove(file.toString());
        return others;
    }

    private static String perCycle(long[] nanosPerKind, int cycles) {
        StringBuilder sb = new StringBuilder("[");
        for (int kind : new int[] {1, 2, 3, 0}) {
            long count = cycles / 4 + (kind != 0 && cycles % 4 >= kind ? 1 : 0);
            sb.append(sb.length() > 1 ? ", " : "").append(count == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(nanosPerKind[kind]) / count);
        }
        return sb.append("]").toString();
    }

    /**
     * Waits until FileInstall uninstalled the math bundle, not for its refresh: the bundle imports
     * the interface package it exports (substitutable, so updates keep consumers bound), so the math
     * bundle installed next may wire to the old one's package, still pending removal, and be
     * stopped and restarted by FileInstall's refresh while the loader is loading it. The loader must
     * end up with the library loaded for the revision the bundle is left with.
     */
    private void awaitUninstalled() {
        Await.until("FileInstall uninstalled the math bundle", Duration.ofMillis(MathBundle.TIMEOUT_MS),
                () -> MathBundle.find(context) == null);
    }

    /**
     * Waits until that refresh is over, before the next cycle: Felix fails an {@code update} that
     * needs its global lock while the refresh holds it and waits for the bundle's lock ("Cannot
     * acquire global lock to update the bundle"), which is the framework avoiding a deadlock, not
     * something the loader does.
     */
    private void awaitRefreshed() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Await.until("FileInstall's refresh is over", Duration.ofMillis(MathBundle.TIMEOUT_MS),
                () -> wiring.getRemovalPendingBundles().isEmpty());
    }

    private Path libraryFile(long generation) throws Exception {
        ServiceReference<NativeLibrary> ref = Services.await(context, NativeLibrary.class,
                "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.GENERATION + "=" + generation + "))");
        return context.getService(ref).file();
    }
}
