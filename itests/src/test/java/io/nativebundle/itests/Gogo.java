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
