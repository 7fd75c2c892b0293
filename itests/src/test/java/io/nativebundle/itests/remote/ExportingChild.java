package io.nativebundle.itests.remote;

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

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.Processes;

/**
 * Framework A ({@link ExportingRuntime}) in its own JVM, exporting math on a given port, driven
 * through its stdin and read from its stdout. The test that starts one stops it by pid
 * ({@link #close}), even when it fails.
 */
final class ExportingChild implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Writer commands;

    private ExportingChild(Process process) {
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
        }, "exporting-runtime-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts framework A exporting math on {@code port}, and waits for its {@code READY}. */
    static ExportingChild start(int port) throws Exception {
        File work = NativeBundleOptions.newWorkDir("exporting-runtime");
        Properties all = new Properties();
        all.putAll(NativeBundleOptions.frameworkProperties(new File(work, "native")));
        all.put("io.nativebundle.remote.export", "math;port=" + port);
        File propertiesFile = new File(work, "framework.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile.toPath())) {
            all.store(out, "framework A of the remote tests");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", felixJar() + File.pathSeparator + testClasses(),
                ExportingRuntime.class.getName(), propertiesFile.getPath(), new File(work, "storage").getPath()));
        // runs inside the framework, where the definition is a bundle and the test kit is not
        for (CoreBundle bundle : RuntimeDefinition.coreBundles(Role.CORE, Role.SERVICES, Role.REMOTE)) {
            command.add(new File(NativeBundleOptions.RUNTIME, bundle.fileName()).getPath());
        }
        command.add(NativeBundleOptions.jar("math").getPath());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ExportingChild child = new ExportingChild(process);
        try {
            child.next("READY");
            return child;
        } catch (Throwable t) {
            child.close();
            throw t;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends one command and waits for the line it answers with. */
    void command(String command, String answer) throws IOException {
        commands.write(command + "\n");
        commands.flush();
        next(answer);
    }

    /** SIGKILL, as a crash: no shutdown hooks, nothing closed; waits until the JVM is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("framework A (pid " + process.pid() + ") did not end on SIGKILL");
        }
    }

    /** Waits for a line starting with {@code prefix}. */
    String next(String prefix) {
        return Await.value("a '" + prefix + "' line of framework A", Duration.ofSeconds(40), () -> {
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
            if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("framework A ended without a '" + prefix + "' line; it printed " + seen);
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
        Class<?> felix = org.osgi.framework.FrameworkUtil.getBundle(ExportingChild.class).getBundleContext()
                .getBundle(0).getClass();
        return Path.of(felix.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String testClasses() {
        return new File(NativeBundleOptions.WORK.getParentFile(), "test-classes").getPath();
    }
}
