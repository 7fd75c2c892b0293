package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.Processes;
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

        try (Child second = Child.start(cache)) {
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

        try (Child third = Child.start(cache)) {
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

    /** The second runtime's JVM. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Writer commands;
        final Path file;
        final String added;

        private Child(Process process) throws Exception {
            this.process = process;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "second-runtime-output");
            reader.setDaemon(true);
            reader.start();
            this.file = Path.of(next("FILE "));
            this.added = next("ADD ");
        }

        static Child start(Path cache) throws Exception {
            File work = NativeBundleOptions.newWorkDir("second-runtime");
            Properties properties = new Properties();
            properties.putAll(NativeBundleOptions.frameworkProperties(cache.toFile()));
            File propertiesFile = new File(work, "framework.properties");
            try (OutputStream out = Files.newOutputStream(propertiesFile.toPath())) {
                properties.store(out, "the second runtime");
            }
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp", felixJar() + File.pathSeparator + testClasses(),
                    SecondRuntime.class.getName(), propertiesFile.getPath(), new File(work, "storage").getPath()));
            for (File bundle : NativeBundleOptions.coreBundleFiles()) {
                command.add(bundle.getPath());
            }
            command.add(NativeBundleOptions.jar("math").getPath());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                return new Child(process);
            } catch (Throwable t) {
                Processes.kill(process.toHandle(), Duration.ofSeconds(20));
                throw t;
            }
        }

        String call() throws Exception {
            commands.write("call\n");
            commands.flush();
            return next("ADD ");
        }

        void exit() throws Exception {
            commands.write("exit\n");
            commands.flush();
            next("STOPPED");
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
        }

        /** Ends the process like a crash: SIGKILL, no shutdown hooks, no cleanup. */
        void kill() {
            assertEquals(List.of(), Processes.kill(process.toHandle(), Duration.ofSeconds(20)));
        }

        private String next(String prefix) {
            List<String> seen = new ArrayList<>();
            return Await.value("a '" + prefix + "' line of the second runtime", Duration.ofSeconds(30), () -> {
                for (String line = lines.poll(); line != null; line = lines.poll()) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length()).trim();
                    }
                    seen.add(line);
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("the second runtime ended without a '" + prefix + "' line; it printed "
                            + seen);
                }
                return null;
            });
        }

        @Override
        public void close() {
            Processes.kill(process.toHandle(), Duration.ofSeconds(20));
        }

        private static String felixJar() throws Exception {
            Class<?> felix = org.osgi.framework.FrameworkUtil.getBundle(SharedCacheTest.class).getBundleContext()
                    .getBundle(0).getClass();
            return Path.of(felix.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }

        private static String testClasses() {
            return new File(NativeBundleOptions.WORK.getParentFile(), "test-classes").getPath();
        }
    }
}
