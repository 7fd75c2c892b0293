package io.nativebundle.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;

/** Runs Gogo commands the way the launcher's exec mode does, and returns what they print. */
public final class Gogo {

    private Gogo() {
    }

    /**
     * What a command printed and, when it failed, what it threw: for commands that print a report
     * and then fail (e.g. {@code native:verify}), where {@link #run} would lose the report.
     */
    public record Outcome(String output, Exception failure) {

        /** The failure's message; fails the test when the command did not fail. */
        public String failureMessage() {
            if (failure == null) {
                throw new AssertionError("the command did not fail; it printed: " + output);
            }
            return failure.getMessage();
        }
    }

    /** Executes {@code command} and returns its output and result, or its output and failure. */
    public static Outcome execute(BundleContext context, String command) throws Exception {
        CommandProcessor processor = context.getService(Services.await(context, CommandProcessor.class, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        Exception failure = null;
        try {
            Object result = session.execute(command);
            if (result != null) {
                print.println(session.format(result, org.apache.felix.service.command.Converter.INSPECT));
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            session.close();
        }
        return new Outcome(out.toString(StandardCharsets.UTF_8).trim(), failure);
    }

    /** Executes {@code command} and returns its formatted result plus its output. */
    public static String run(BundleContext context, String command) throws Exception {
        CommandProcessor processor = context.getService(Services.await(context, CommandProcessor.class, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(command);
            if (result != null) {
                print.println(session.format(result, org.apache.felix.service.command.Converter.INSPECT));
            }
            return out.toString(StandardCharsets.UTF_8).trim();
        } finally {
            session.close();
        }
    }
}
