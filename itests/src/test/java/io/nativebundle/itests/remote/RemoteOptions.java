package io.nativebundle.itests.remote;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;

import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testkit.RuntimeBundles;

/**
 * Framework B of the remote tests: the test framework with the examples, the shell, the runtime's
 * remote bundles, math imported from framework A ({@link ExportingChild}) on a free port, and its
 * own math exported.
 */
final class RemoteOptions {

    /** The system property that tells the test inside the framework the port A must export on. */
    static final String PORT = "nativebundle.itest.remote.port";
    /** The import's call timeout, in the import clause and in the tests' bound on a call. */
    static final long TIMEOUT_MS = 3000;

    private RemoteOptions() {
    }

    /** B importing math from {@code tcp://127.0.0.1:<a free port>}. */
    static Option[] importingMath() {
        int port = freePort();
        List<Option> options = withRemoteBundles();
        options.add(frameworkProperty("io.nativebundle.remote.import").value("math;interface="
                + "io.nativebundle.examples.math.MathLib;endpoint=tcp://127.0.0.1:" + port + ";timeout="
                + TIMEOUT_MS + "ms"));
        // B exports its own math too (any free port), so that native:list has an export to show
        options.add(frameworkProperty("io.nativebundle.remote.export").value("math"));
        options.add(systemProperty(PORT).value(String.valueOf(port)));
        return options.toArray(new Option[0]);
    }

    /** The examples, the shell and the runtime's remote bundles, nothing exported or imported. */
    static List<Option> withRemoteBundles() {
        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.withShell()));
        for (File file : new RuntimeBundles(NativeBundleOptions.RUNTIME).files(Role.REMOTE)) {
            options.add(bundle(file.toURI().toString()));
        }
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        // in B, Pax Exam's pax-logging-api exports org.slf4j to Aries and prints at DEBUG to System.out,
        // which a Gogo session takes for the command's output (its find hook logs on every lookup)
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        return options;
    }

    /** The port, inside the framework. */
    static int port() {
        return Integer.parseInt(System.getProperty(PORT));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
