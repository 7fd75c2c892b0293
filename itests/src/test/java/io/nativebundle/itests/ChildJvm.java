package io.nativebundle.itests;

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
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.Processes;

/**
 * A second JVM a test starts: Felix and the test classes on its class path, a main class that
 * starts a {@link ChildFramework} on the given framework properties and bundles, driven through its
 * stdin and read line by line from its stdout. The test stops it by pid ({@link #close}, the whole
 * process tree), even when it fails.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Writer commands;

    private ChildJvm(String name, Process process) {
        this.name = name;
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
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} in a new JVM with {@code properties} as its framework properties, a storage
     * folder of its own, and {@code bundles} to install and start.
     *
     * @param name      names it in messages, e.g. {@code the second runtime}
     * @param jvmFlags  flags before the class path, e.g. a log level
     */
    public static ChildJvm start(String name, Class<?> main, Properties properties, List<String> jvmFlags,
                                 List<File> bundles) throws Exception {
        File work = NativeBundleOptions.newWorkDir(name.replaceAll("[^A-Za-z0-9]+", "-"));
        File propertiesFile = new File(work, "framework.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile.toPath())) {
            properties.store(out, name);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", felixJar() + File.pathSeparator + testClasses(), main.getName(),
                propertiesFile.getPath(), new File(work, "storage").getPath()));
        bundles.forEach(bundle -> command.add(bundle.getPath()));
        return new ChildJvm(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Writes one command line to its stdin. */
    public void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /** The next line starting with {@code prefix}, waiting at most {@code timeout}; the lines before it are skipped. */
    public String next(String prefix, Duration timeout) {
        List<String> seen = new ArrayList<>();
        return Await.value("a '" + prefix + "' line of " + name, timeout, () -> {
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
            if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError(name + " ended without a '" + prefix + "' line; it printed " + seen);
            }
            return null;
        });
    }

    /** Waits for the JVM to end by itself; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") did not end within " + timeout);
        }
        return process.exitValue();
    }

    /**
     * Ends the JVM like a crash: SIGKILL, no shutdown hooks, no cleanup, and only the JVM: what it
     * started (native hosts) is left to notice on its own. Waits until it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") did not end on SIGKILL");
        }
    }

    @Override
    public void close() {
        // the whole tree, by pid, so that nothing the test started outlives it even when it fails
        Processes.kill(process.toHandle(), Duration.ofSeconds(20));
    }

    private static String felixJar() throws Exception {
        Class<?> felix = org.osgi.framework.FrameworkUtil.getBundle(ChildJvm.class).getBundleContext()
                .getBundle(0).getClass();
        return Path.of(felix.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String testClasses() {
        return new File(NativeBundleOptions.WORK.getParentFile(), "test-classes").getPath();
    }
}
