package io.nativebundle.loader.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.Amounts;
import io.nativebundle.loader.internal.backend.host.Crash;
import io.nativebundle.loader.internal.backend.host.HostEvents;
import io.nativebundle.loader.internal.backend.host.HostIdentity;
import io.nativebundle.loader.internal.status.LifecycleEvents;

/**
 * What the loader does when a host process crashes, restarts or is ended for a timeout: log it,
 * post the event, and when a library crashed too often, have the tracker refuse it with
 * {@code HOST_CRASHED}, on a thread of its own (the refusal unloads, which waits for the drain).
 */
final class HostIncidents implements HostEvents {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final LifecycleEvents events;
    private volatile NativeBundleTracker tracker;

    HostIncidents(LifecycleEvents events) {
        this.events = events;
    }

    /** The tracker exists after the pipeline, which needs this first. */
    void tracker(NativeBundleTracker refusals) {
        this.tracker = refusals;
    }

    @Override
    public void crashed(HostIdentity host, Crash crash) {
        String message = "the host process of " + host.describe() + " ended: " + crash;
        LOG.log(Level.WARNING, "nativebundle: " + message);
        Map<String, Object> extra = new HashMap<>();
        extra.put(LifecycleEvents.PID, crash.pid());
        crash.signalName().ifPresent(s -> extra.put(LifecycleEvents.SIGNAL, s));
        crash.exit().ifPresent(s -> extra.put(LifecycleEvents.EXIT_STATUS, s));
        crash.faultSymbol().ifPresent(s -> extra.put(LifecycleEvents.SYMBOL, s));
        post(LifecycleEvents.TOPIC_HOST_CRASHED, host, crash.signalName().orElse("exit"), message, extra);
    }

    @Override
    public void restarted(HostIdentity host, long pid, int restarts) {
        String message = "host process " + pid + " serves " + host.describe() + " (restart " + restarts + ")";
        LOG.log(Level.INFO, "nativebundle: " + message);
        post(LifecycleEvents.TOPIC_HOST_RESTARTED, host, "", message,
                Map.of(LifecycleEvents.PID, pid, LifecycleEvents.RESTARTS, restarts));
    }

    @Override
    public void timedOut(HostIdentity host, String symbol, Duration timeout, long pid) {
        String message = "the call of " + symbol + " of " + host.describe() + " overran its timeout of "
                + Amounts.format(timeout) + "; host process " + pid + " is ended";
        LOG.log(Level.WARNING, "nativebundle: " + message);
        post(LifecycleEvents.TOPIC_CALL_TIMEOUT, host, "timeout", message,
                Map.of(LifecycleEvents.PID, pid, LifecycleEvents.SYMBOL, symbol));
    }

    @Override
    public void gaveUp(HostIdentity host, String message) {
        LOG.log(Level.ERROR, "nativebundle: " + message);
        NativeBundleTracker refusals = tracker;
        if (refusals == null) {
            return;
        }
        Thread refuse = new Thread(() -> refusals.refuseLoaded(host.bundleId(), host.generation(),
                new LoadRefusal(RefusalReason.HOST_CRASHED, message)), "nativebundle-refuse-" + host.library());
        refuse.setDaemon(true);
        refuse.start();
    }

    private void post(String topic, HostIdentity host, String reason, String message, Map<String, Object> extra) {
        events.host(topic, host.library(), host.version(), host.generation(), host.bundleId(), host.symbolicName(),
                reason, message, extra);
    }
}
