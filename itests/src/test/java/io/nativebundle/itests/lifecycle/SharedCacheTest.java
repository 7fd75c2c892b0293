package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Two runtimes, each a Felix framework in its own JVM, share one native cache folder: this
 * Pax Exam framework and a second one started as a child process ({@link SecondRuntime}). Both
 * load and call the math library from their own folder; a runtime's startup sweep leaves a live
 * runtime's files alone and removes those of a runtime that was killed.
 *
 * <p>Limits: both JVMs run on one machine and one file system, which is what the cache lock
 * (POSIX record locks) covers; a cache on NFS depends on its lock support.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SharedCacheTest extends AbstractIntegrationTest {

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return MathBundle.probe(probe);
    }

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core(bundle(NativeBundleOptions.jar("math").toURI().toString()));
    }

    @Test
    public void twoRuntimesOnOneCacheFolderBothLoadAndNeitherDeletesTheOthersFiles() throws Throwable {
        Path cache = Path.of(context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY));
        MathBundle calls = new MathBundle();
        ServiceReference<?> ref = MathBundle.awaitGeneration(context, 0);
        Path ours = libraryFile(MathBundle.generation(ref));

        try (ChildRuntime second = ChildRuntime.start(cache)) {
            Path theirs = second.file;
            assertEquals("the second runtime called its own copy", "5", second.added);
            assertTrue(theirs.startsWith(cache));
            assertNotEquals("each runtime has its own folder", runtimeFolder(cache, ours), runtimeFolder(cache, theirs));
            assertTrue("the second runtime did not touch ours", Files.isRegularFile(ours));
            assertEquals(5, calls.add(context.getService(ref), 2, 3));

            // this runtime's loader restarts, and its startup sweep runs while the second runtime lives
            long generation = restartLoader(MathBundle.generation(ref));
            assertTrue("a live runtime's files survive the sweep", Files.isRegularFile(theirs));
            assertEquals("5", second.call());
            assertFalse("a stopping loader removes its own folder", Files.exists(runtimeFolder(cache, ours)));
            Path oursNow = libraryFile(generation);

            second.kill();
            assertTrue("a killed runtime leaves its files", Files.isRegularFile(theirs));
            restartLoader(generation);
            assertFalse("the next sweep removes them: their lock is free", Files.exists(runtimeFolder(cache, theirs)));
            assertFalse(Files.exists(oursNow));
        }

        try (ChildRuntime third = ChildRuntime.start(cache)) {
            Path runtime = runtimeFolder(cache, third.file);
            third.exit();
            assertFalse("a runtime that stops cleanly removes its own folder", Files.exists(runtime));
        }
        ServiceReference<?> live = MathBundle.awaitGeneration(context, 0);
        assertEquals(5, calls.add(context.getService(live), 2, 3));
        assertEquals(List.of(libraryFile(MathBundle.generation(live))), ProcessState.files(cache, ".so"));
    }

    private long restartLoader(long after) throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("io.nativebundle.loader".equals(b.getSymbolicName())) {
                b.stop();
                b.start();
            }
        }
        return MathBundle.generation(MathBundle.awaitGeneration(context, after));
    }

    private Path libraryFile(long generation) throws Exception {
        ServiceReference<NativeLibrary> ref = Services.await(context, NativeLibrary.class,
                "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.GENERATION + "=" + generation + "))");
        return context.getService(ref).file();
    }

    /** {@code <cache>/rt-<pid>-<id>} of a file in the cache. */
    private static Path runtimeFolder(Path cache, Path file) {
        return cache.resolve(cache.relativize(file).getName(0));
    }
}
