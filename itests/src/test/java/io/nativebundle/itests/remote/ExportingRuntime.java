package io.nativebundle.itests.remote;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.itests.ChildFramework;

/**
 * Framework A of the remote tests, in its own JVM: a plain Felix framework with the runtime's core,
 * services and remote bundles and the math example, whose framework properties export math.
 * Only the JDK and the OSGi framework API are on its class path.
 *
 * <p>Usage: {@code java -cp felix.jar:test-classes ExportingRuntime <properties file> <storage> <bundle jar>...}
 * (the math bundle last). It prints {@code READY} once math's typed service is registered with
 * {@code nativebundle.remote=exported} (or, with {@code -Dnativebundle.itest.ready=<filter>}, a
 * service matching that filter), then reads commands from stdin: {@code stop-math} and
 * {@code start-math} stop and start the math bundle and print {@code MATH STOPPED} and
 * {@code MATH EXPORTED}; {@code exit} stops the framework and prints {@code STOPPED}.
 */
public final class ExportingRuntime {

    static final String EXPORTED_MATH = "(&(objectClass=io.nativebundle.examples.math.MathLib)"
            + "(nativebundle.remote=exported))";
    /** The system property naming the service A is ready with, when it is not math's. */
    static final String READY = "nativebundle.itest.ready";
    private static final long TIMEOUT_MS = 20_000;

    private ExportingRuntime() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        ChildFramework child = ChildFramework.start(args);
        BundleContext context = child.context();
        List<Bundle> bundles = child.bundles();
        Bundle math = bundles.get(bundles.size() - 1);
        ServiceTracker<Object, Object> exported = new ServiceTracker<>(context, context.createFilter(System.getProperty(READY, EXPORTED_MATH)),
                null);
        exported.open(true);
        await(exported);
        System.out.println("READY");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("exit"); line = commands.readLine()) {
            if (line.equals("stop-math")) {
                math.stop();
                System.out.println("MATH STOPPED");
            } else if (line.equals("start-math")) {
                math.start();
                await(exported);
                System.out.println("MATH EXPORTED");
            } else {
                System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
        exported.close();
        child.stop();
    }

    private static void await(ServiceTracker<Object, Object> tracker) throws InterruptedException {
        if (tracker.waitForService(TIMEOUT_MS) == null) {
            throw new IllegalStateException(System.getProperty(READY, EXPORTED_MATH) + " was not registered within "
                    + TIMEOUT_MS + " ms");
        }
    }
}
