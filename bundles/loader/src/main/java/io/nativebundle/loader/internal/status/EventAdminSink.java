package io.nativebundle.loader.internal.status;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Posts to the EventAdmin service when one is registered. The only class of the loader that
 * names {@code org.osgi.service.event}; it is loaded only when that optional import is wired.
 */
final class EventAdminSink implements LifecycleEvents.Sink {

    private final ServiceTracker<EventAdmin, EventAdmin> tracker;

    EventAdminSink(BundleContext context) {
        tracker = new ServiceTracker<>(context, EventAdmin.class, null);
        tracker.open();
    }

    @Override
    public boolean post(String topic, Map<String, Object> properties) {
        EventAdmin admin = tracker.getService();
        if (admin == null) {
            return false;
        }
        admin.postEvent(new Event(topic, properties));
        return true;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
