package io.nativebundle.loader.internal.status;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * Posts lifecycle events on EventAdmin under {@code io/nativebundle/} when an EventAdmin service
 * is present, and logs them otherwise.
 *
 * <p>Every event carries {@code library}, {@code version}, {@code generation} (a Long, absent
 * for REFUSED), {@code bundle.id}, {@code bundle.symbolicName}, {@code reason} and
 * {@code message}. The events of a library run out of process add {@code pid}, and
 * {@code signal}, {@code exit.status}, {@code symbol} or {@code restarts} where they apply:
 * {@code HOST_CRASHED}, {@code HOST_RESTARTED}, {@code CALL_TIMEOUT}.
 *
 * <pre>{@code
 * @Component(property = EventConstants.EVENT_TOPIC + "=io/nativebundle/*")
 * public class Watcher implements EventHandler {
 *     public void handleEvent(Event e) { log.info("{} {}", e.getTopic(), e.getProperty("message")); }
 * }
 * }</pre>
 */
public final class LifecycleEvents implements AutoCloseable {

    public static final String TOPIC_LOADED = "io/nativebundle/LOADED";
    public static final String TOPIC_REFUSED = "io/nativebundle/REFUSED";
    public static final String TOPIC_UNLOADED = "io/nativebundle/UNLOADED";
    public static final String TOPIC_UNLOAD_TIMEOUT = "io/nativebundle/UNLOAD_TIMEOUT";
    /** A library's host process ended unexpectedly (crash, exit, limit, or ended for a timeout). */
    public static final String TOPIC_HOST_CRASHED = "io/nativebundle/HOST_CRASHED";
    /** A new host process serves a library after a crash. */
    public static final String TOPIC_HOST_RESTARTED = "io/nativebundle/HOST_RESTARTED";
    /** A call of a library run out of process overran its timeout; its host was ended. */
    public static final String TOPIC_CALL_TIMEOUT = "io/nativebundle/CALL_TIMEOUT";
    /** A tenant's policy changed in Config Admin; it carries {@code tenant} and {@code message}. */
    public static final String TOPIC_POLICY = "io/nativebundle/POLICY";

    public static final String LIBRARY = "library";
    public static final String VERSION = "version";
    public static final String GENERATION = "generation";
    public static final String BUNDLE_ID = "bundle.id";
    public static final String BUNDLE_SYMBOLIC_NAME = "bundle.symbolicName";
    public static final String REASON = "reason";
    public static final String MESSAGE = "message";
    /** Host events: the host process's pid (a Long). */
    public static final String PID = "pid";
    /** HOST_CRASHED: the signal that ended the host, e.g. {@code SIGSEGV}, when a signal did. */
    public static final String SIGNAL = "signal";
    /** HOST_CRASHED: the host's exit status (an Integer), when it exited. */
    public static final String EXIT_STATUS = "exit.status";
    /** CALL_TIMEOUT: the function that overran; HOST_CRASHED: the one whose call faulted, when known. */
    public static final String SYMBOL = "symbol";
    /** HOST_RESTARTED: how often the host was restarted since the library loaded (an Integer). */
    public static final String RESTARTS = "restarts";
    public static final String TENANT = "tenant";

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** Where events go; EventAdmin when its package is wired to the loader. */
    interface Sink extends AutoCloseable {
        /** @return false when no EventAdmin service is present right now */
        boolean post(String topic, Map<String, Object> properties);

        @Override
        void close();
    }

    private final Sink sink;

    private LifecycleEvents(Sink sink) {
        this.sink = sink;
    }

    /**
     * Events that go to EventAdmin when present. {@code org.osgi.service.event} is an optional
     * import, so the loader runs without it; then every event is only logged.
     */
    public static LifecycleEvents open(BundleContext context) {
        try {
            Class.forName("org.osgi.service.event.EventAdmin", false, LifecycleEvents.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return logOnly();
        }
        return new LifecycleEvents(new EventAdminSink(context));
    }

    /** Events that are only logged. */
    public static LifecycleEvents logOnly() {
        return new LifecycleEvents(null);
    }

    /** A tenant's policy changed: it applies from the next load on. */
    public void policy(String tenant, String message) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(TENANT, tenant);
        properties.put(MESSAGE, message);
        if (sink == null || !sink.post(TOPIC_POLICY, properties)) {
            LOG.log(Level.INFO, "nativebundle: " + TOPIC_POLICY + " tenant " + tenant + ": " + message);
        }
    }

    public void loaded(LibraryGeneration generation, String message) {
        post(TOPIC_LOADED, generation, "", message, Level.INFO);
    }

    public void unloaded(LibraryGeneration generation, String reason, String message) {
        post(TOPIC_UNLOADED, generation, reason, message, Level.INFO);
    }

    /** The Unloader already logs the timeout as a warning. */
    public void unloadTimeout(LibraryGeneration generation, String reason, String message) {
        post(TOPIC_UNLOAD_TIMEOUT, generation, reason, message, Level.DEBUG);
    }

    /** The tracker already logs the refusal as a warning. */
    /**
     * REFUSED for {@code bundle}, naming the library and version its {@code NativeBundle-Library}
     * declares (the raw header when it does not parse).
     */
    public void refused(Bundle bundle, LoadRefusal refusal) {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        String library = String.valueOf(header);
        String version = "";
        try {
            LibraryDeclaration declaration = LibraryHeader.parse(header);
            library = declaration.name();
            version = declaration.version().toString();
        } catch (MalformedHeaderException e) {
            // the raw header names it well enough
        }
        refused(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()), library, version,
                refusal.reason().name(), refusal.getMessage());
    }

    public void refused(long bundleId, String symbolicName, String library, String version, String reason,
                        String message) {
        Map<String, Object> p = new HashMap<>();
        p.put(LIBRARY, library);
        p.put(VERSION, version);
        p.put(BUNDLE_ID, bundleId);
        p.put(BUNDLE_SYMBOLIC_NAME, symbolicName);
        p.put(REASON, reason);
        p.put(MESSAGE, message);
        post(TOPIC_REFUSED, p, Level.DEBUG);
    }

    /**
     * An event of a library's host process.
     *
     * @param extra the event's own properties ({@link #PID}, {@link #SIGNAL}, ...)
     */
    public void host(String topic, String library, String version, long generation, long bundleId,
                     String symbolicName, String reason, String message, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put(LIBRARY, library);
        p.put(VERSION, version);
        p.put(GENERATION, generation);
        p.put(BUNDLE_ID, bundleId);
        p.put(BUNDLE_SYMBOLIC_NAME, symbolicName);
        p.put(REASON, reason);
        p.put(MESSAGE, message);
        // the backend logs crashes and timeouts itself
        post(topic, p, Level.DEBUG);
    }

    private void post(String topic, LibraryGeneration g, String reason, String message, Level fallback) {
        Map<String, Object> p = new HashMap<>();
        p.put(LIBRARY, g.library());
        p.put(VERSION, g.version().toString());
        p.put(GENERATION, g.generation());
        p.put(BUNDLE_ID, g.bundleId());
        p.put(BUNDLE_SYMBOLIC_NAME, g.symbolicName());
        p.put(REASON, reason);
        p.put(MESSAGE, message);
        post(topic, p, fallback);
    }

    private void post(String topic, Map<String, Object> properties, Level fallback) {
        boolean posted = false;
        if (sink != null) {
            try {
                posted = sink.post(topic, properties);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "nativebundle: could not post " + topic + ": " + e);
            }
        }
        if (!posted) {
            LOG.log(fallback, () -> "nativebundle: " + topic + " " + properties);
        }
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
    }
}
