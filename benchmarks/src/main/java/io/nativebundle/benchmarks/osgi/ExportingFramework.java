package io.nativebundle.benchmarks.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.UnavailableException;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.testsupport.Await;

/**
 * Framework A of the remote benchmark, in a JVM of its own: the runtime with its remote bundles
 * and the math bundle, exported by the operator's property on a given loopback port. Started by
 * {@link #start(int)}, which waits for its {@code READY} line; {@link #close()} ends it by pid.
 *
 * <p>As a program: {@code ExportingFramework <port>} prints {@code READY} once math's typed service
 * is exported, and runs until its standard input ends or it is terminated.
 */
public final class ExportingFramework implements AutoCloseable {

    private static final long READY_TIMEOUT_MS = 60_000;

    private final Process process;

    private ExportingFramework(Process process) {
        this.process = process;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedFramework felix = EmbeddedFramework.start(Map.of("io.nativebundle.remote.export", "math;port=" + port),
                Role.REMOTE);
        // the parent ends this JVM by its pid: the framework stops and its folder goes on the way out
        Runtime.getRuntime().addShutdownHook(new Thread(felix::close, "exporting-framework-stop"));
        felix.installAndStart("math");
        // all references: the system bundle does not wire to MathLib's package
        String filter = "(&(objectClass=" + MathInFramework.MATH_LIB + ")(nativebundle.library=math)"
                + "(nativebundle.remote=exported))";
        try {
            Await.until("math exported", Duration.ofMillis(READY_TIMEOUT_MS),
                    () -> felix.context().getAllServiceReferences(null, filter) != null);
        } catch (AssertionError timeout) {
            System.out.println("math was not exported within " + READY_TIMEOUT_MS + " ms");
            System.exit(1);
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes its input or ends it
        }
        System.exit(0);
    }

    /** Starts A in a child JVM with this JVM's class path and waits until math is exported on {@code port}. */
    public static ExportingFramework start(int port) throws IOException, UnavailableException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-D" + BenchPaths.TARGET_PROPERTY + "=" + BenchPaths.target()));
        command.addAll(BenchPaths.jvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExportingFramework.class.getName(),
                String.valueOf(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ExportingFramework a = new ExportingFramework(process);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("READY")) {
                    // keep draining its output, so that it never blocks on a full pipe
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "exporting-framework-output");
                    drain.setDaemon(true);
                    drain.start();
                    return a;
                }
                seen.append(line).append('\n');
            }
            throw new UnavailableException("the exporting framework (pid " + process.pid() + ") ended before it was"
                    + " ready:\n" + seen);
        } catch (IOException | UnavailableException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** Ends A by its pid: terminated, then killed if it does not end within 10 s. */
    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
