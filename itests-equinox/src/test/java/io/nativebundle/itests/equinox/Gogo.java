package io.nativebundle.itests.equinox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Runs a Gogo command as a console would and returns what it printed plus its formatted result. */
final class Gogo {

    static final long TIMEOUT_MS = 10_000;

    private Gogo() {
    }

    static String run(BundleContext context, String command) throws Exception {
        CommandProcessor processor = context.getService(await(context, CommandProcessor.class, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            if (result != null) {
                print.println(session.format(result, Converter.INSPECT));
            }
            return out.toString(StandardCharsets.UTF_8).trim();
        } finally {
            session.close();
        }
    }

    /** Waits up to {@link #TIMEOUT_MS} for a service of {@code type} matching {@code filter} (may be null). */
    static <T> ServiceReference<T> await(BundleContext context, Class<T> type, String filter) throws Exception {
        // Object stands for "any service": Gogo command objects are registered under their own class
        String objectClass = type == Object.class ? "(objectClass=*)" : "(objectClass=" + type.getName() + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context,
                context.createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")"), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(TIMEOUT_MS) == null) {
                throw new AssertionError("no " + type.getName() + " service " + (filter == null ? "" : filter)
                        + " within " + TIMEOUT_MS + " ms");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }
}
