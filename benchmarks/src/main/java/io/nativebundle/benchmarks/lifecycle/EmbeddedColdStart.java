package io.nativebundle.benchmarks.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nativebundle.benchmarks.osgi.EmbeddedFramework;

/**
 * The embedded stand-in for the launcher's cold start, used while {@code runtime/} has no
 * distribution: a new JVM boots Felix with the core bundles and the math bundle, waits for the
 * math service, runs {@code lb} in a Gogo session (what {@code nativebundle exec 'lb'} does) and
 * prints {@link #READY}. The runner times the process from spawn to that line.
 */
public final class EmbeddedColdStart {

    static final String READY = "READY";
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private EmbeddedColdStart() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedFramework felix = EmbeddedFramework.start()) {
            felix.installAndStart("math");
            if (felix.awaitReference(felix.context(), "io.nativebundle.examples.math.MathLib", null, 30_000) == null) {
                Result.error("the math service did not appear");
                return;
            }
            ServiceReference<?> ref = felix.awaitReference(felix.context(), PROCESSOR, null, 10_000);
            if (ref == null) {
                Result.error("no Gogo CommandProcessor service");
                return;
            }
            Object processor = felix.context().getService(ref);
            Bundle gogo = ref.getBundle();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            // reflection: Gogo's API lives in the gogo.runtime bundle, not on this class path
            Object session = gogo.loadClass(PROCESSOR)
                    .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, new ByteArrayInputStream(new byte[0]), print, print);
            gogo.loadClass(SESSION).getMethod("execute", CharSequence.class).invoke(session, "lb");
            print.flush();
            if (!out.toString(StandardCharsets.UTF_8).contains("nativebundle")) {
                Result.error("lb printed no nativebundle bundle: " + out.toString(StandardCharsets.UTF_8));
                return;
            }
            System.out.println(READY);
            System.out.flush();
        }
    }
}
