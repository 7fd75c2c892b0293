package io.nativebundle.itests.remote;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.itests.ChildJvm;
import io.nativebundle.itests.NativeBundleOptions;

/**
 * Framework A ({@link ExportingRuntime}) in its own JVM, exporting math on a given port, driven
 * through its stdin and read from its stdout. The test that starts one stops it by pid
 * ({@link #close}), even when it fails.
 */
final class ExportingChild implements AutoCloseable {

    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(40);

    private final ChildJvm jvm;

    private ExportingChild(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts framework A exporting math on {@code port}, and waits for its {@code READY}. */
    static ExportingChild start(int port) throws Exception {
        ExportingChild child = launch(Map.of("io.nativebundle.remote.export", "math;port=" + port),
                List.of(NativeBundleOptions.jar("math")), ExportingRuntime.EXPORTED_MATH);
        try {
            child.next("READY");
            return child;
        } catch (Throwable t) {
            child.close();
            throw t;
        }
    }

    /**
     * Starts framework A with the runtime's core, services and remote bundles, then {@code bundles},
     * and {@code properties} besides the runtime's; it prints {@code READY} once a service matching
     * {@code ready} is registered. Returns without waiting, so that the caller may read what A
     * prints before (its log, e.g. an export refused); the caller closes it.
     */
    static ExportingChild launch(Map<String, String> properties, List<File> bundles, String ready) throws Exception {
        Properties all = new Properties();
        all.putAll(NativeBundleOptions.frameworkProperties(new File(NativeBundleOptions.newWorkDir("exporting-runtime"),
                "native")));
        all.putAll(properties);
        List<File> files = new ArrayList<>();
        // runs inside the framework, where the definition is a bundle and the test kit is not
        for (CoreBundle bundle : RuntimeDefinition.coreBundles(Role.CORE, Role.SERVICES, Role.REMOTE)) {
            files.add(new File(NativeBundleOptions.RUNTIME, bundle.fileName()));
        }
        files.addAll(bundles);
        return new ExportingChild(ChildJvm.start("framework A", ExportingRuntime.class, all,
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-D" + ExportingRuntime.READY + "=" + ready),
                files));
    }

    long pid() {
        return jvm.pid();
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** Sends one command and waits for the line it answers with. */
    void command(String command, String answer) throws IOException {
        jvm.send(command);
        next(answer);
    }

    /** SIGKILL, as a crash: no shutdown hooks, nothing closed; waits until the JVM is gone. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    /** Waits for a line starting with {@code prefix}. */
    String next(String prefix) {
        return jvm.next(prefix, LINE_TIMEOUT);
    }

    @Override
    public void close() {
        jvm.close();
    }
}
