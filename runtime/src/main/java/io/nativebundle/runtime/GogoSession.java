package io.nativebundle.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo {@code CommandSession} driven from outside the framework, by reflection.
 *
 * <p>The launcher lives on the application class path, outside the framework; the command API
 * ({@code org.apache.felix.service.command}) lives in the gogo.runtime bundle. Rather than put a
 * second copy of that API on the class path and export it from the system bundle (which works
 * only while every bundle happens to wire to that copy, otherwise a ClassCastException), the
 * launcher loads the API interfaces through the bundle that registered the CommandProcessor
 * service and calls the four methods it needs on them. Those methods are the stable RFC 147 API.
 */
final class GogoSession implements AutoCloseable {

    static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    static final String COMMAND_SESSION = "org.apache.felix.service.command.CommandSession";
    /** {@code Converter.INSPECT}: the level the Gogo console formats results with. */
    private static final int INSPECT = 0;

    private final ServiceTracker<Object, Object> tracker;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;

    private GogoSession(ServiceTracker<Object, Object> tracker, Object session, Class<?> sessionType)
            throws NoSuchMethodException {
        this.tracker = tracker;
        this.session = session;
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
    }

    /**
     * Opens a session on the framework's CommandProcessor, waiting for it up to {@code timeout}.
     *
     * @throws LaunchException when Gogo's runtime is not there or does not fit
     */
    static GogoSession open(BundleContext context, InputStream in, PrintStream out, PrintStream err,
            Duration timeout) throws LaunchException, InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, COMMAND_PROCESSOR, null);
        // true: track it even though the system bundle cannot see the class (it is not wired to it)
        tracker.open(true);
        try {
            Object processor = tracker.waitForService(timeout.toMillis());
            ServiceReference<Object> reference = tracker.getServiceReference();
            if (processor == null || reference == null) {
                throw new LaunchException("no Gogo CommandProcessor service after " + timeout.toSeconds()
                        + " s; is org.apache.felix.gogo.runtime in bundle/bundles.list?");
            }
            Class<?> processorType = reference.getBundle().loadClass(COMMAND_PROCESSOR);
            Class<?> sessionType = reference.getBundle().loadClass(COMMAND_SESSION);
            Object session = processorType
                    .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, in, out, err);
            return new GogoSession(tracker, session, sessionType);
        } catch (ReflectiveOperationException e) {
            tracker.close();
            throw new LaunchException("cannot open a Gogo session: " + Messages.oneLine(e), e);
        } catch (LaunchException | RuntimeException e) {
            tracker.close();
            throw e;
        }
    }

    /**
     * Runs one command line in this session.
     *
     * @return the command's result, possibly null
     * @throws Exception what the command threw (Gogo's own exceptions, e.g. "Command not found")
     */
    Object execute(String commandLine) throws Exception {
        return invoke(execute, commandLine);
    }

    /** A result as the Gogo console would print it. */
    String format(Object result) throws Exception {
        return String.valueOf(invoke(format, result, INSPECT));
    }

    @Override
    public void close() {
        try {
            invoke(close);
        } catch (Exception e) {
            // closing a session of a stopping framework: nothing left to release
        } finally {
            tracker.close();
        }
    }

    private Object invoke(Method method, Object... args) throws Exception {
        try {
            return method.invoke(session, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }
}
