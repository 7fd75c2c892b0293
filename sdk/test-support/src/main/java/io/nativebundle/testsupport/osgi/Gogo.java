package io.nativebundle.testsupport.osgi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;

/**
 * Runs Gogo commands the way a console (and the launcher's exec mode) does, and returns what they
 * print: the output, then the formatted result.
 *
 * <pre>{@code
 * assertEquals("5", Gogo.run(context, "native:call math add 2 3"));
 * String report = Gogo.execute(context, "native:verify math").failureMessage();
 * }</pre>
 */
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
                print.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            session.close();
        }
        return new Outcome(out.toString(StandardCharsets.UTF_8).trim(), failure);
    }

    /** Executes {@code command} and returns its output plus its formatted result; a failure is thrown. */
    public static String run(BundleContext context, String command) throws Exception {
        Outcome outcome = execute(context, command);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.output();
    }
}
