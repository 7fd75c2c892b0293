package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.Processes;

/**
 * A second runtime in its own JVM ({@link SecondRuntime}): the core bundles and the math example on
 * a given native cache folder, driven through its stdin and read from its stdout. The test that
 * starts one stops it by pid ({@link #close}), even when it fails.
 */
public final class ChildRuntime implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Writer commands;
    /** The library file the second runtime loaded. */
    public final Path file;
    /** What its {@code add(2, 3)} returned. */
    public final String added;

    private ChildRuntime(Process process) throws Exception {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
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

    /** A second runtime on {@code cache}. */
    public static ChildRuntime start(Path cache) throws Exception {
        return start(cache, Map.of());
    }

    /** A second runtime on {@code cache}, with {@code properties} added to the runtime's framework properties. */
    public static ChildRuntime start(Path cache, Map<String, String> properties) throws Exception {
        File work = NativeBundleOptions.newWorkDir("second-runtime");
        Properties all = new Properties();
        all.putAll(NativeBundleOptions.frameworkProperties(cache.toFile()));
        all.putAll(properties);
        File propertiesFile = new File(work, "framework.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile.toPath())) {
            all.store(out, "the second runtime");
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
            return new ChildRuntime(process);
        } catch (Throwable t) {
            Processes.kill(process.toHandle(), Duration.ofSeconds(20));
            throw t;
        }
    }

    public long pid() {
        return process.pid();
    }

    public String call() throws Exception {
        commands.write("call\n");
        commands.flush();
        return next("ADD ");
    }

    /** Stops its framework and waits for the JVM to exit with 0. */
    public void exit() throws Exception {
        commands.write("exit\n");
        commands.flush();
        next("STOPPED");
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    /**
     * Ends the JVM like a crash: SIGKILL, no shutdown hooks, no cleanup. Only the JVM: what it
     * started (native hosts) is left to notice on its own, which is what the orphan test is about.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    }

    /** The rest of the next line starting with {@code prefix}, waiting for it. */
    public String next(String prefix) {
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
        // the whole tree, by pid, so that nothing the test started outlives it even when it fails
        Processes.kill(process.toHandle(), Duration.ofSeconds(20));
    }

    private static String felixJar() throws Exception {
        Class<?> felix = org.osgi.framework.FrameworkUtil.getBundle(ChildRuntime.class).getBundleContext()
                .getBundle(0).getClass();
        return Path.of(felix.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String testClasses() {
        return new File(NativeBundleOptions.WORK.getParentFile(), "test-classes").getPath();
    }
}
