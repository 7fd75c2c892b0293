package io.nativebundle.loader.internal.remote;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The loader's own interest in every configured import. Aries RSA's topology manager imports an
 * announced endpoint only while some bundle listens for services with a filter the endpoint
 * matches (its listener hook); a consumer that binds with a DS reference or a tracker brings the
 * import in, but one that only polls {@code getServiceReferences}, or filters on a property only
 * the loader's registration carries ({@code nativebundle.remote=imported}), never would. So the
 * loader listens, for each import, on {@code (&(objectClass=<interface>)(nativebundle.library=<library>))}
 * (and its {@code nativebundle.symbol} for a function), from its start to its stop: an import
 * configured here is imported whether or not a consumer is there yet.
 *
 * <p>The trackers only listen: they never get a service, so they hold no proxy and make no call.
 */
final class ImportInterest implements AutoCloseable {

    private final List<ServiceTracker<Object, ServiceReference<Object>>> trackers;

    private ImportInterest(List<ServiceTracker<Object, ServiceReference<Object>>> trackers) {
        this.trackers = trackers;
    }

    /** Listens for each of {@code imports}. */
    static ImportInterest open(BundleContext context, RemoteImports imports) {
        List<ServiceTracker<Object, ServiceReference<Object>>> trackers = new ArrayList<>();
        for (RemoteImports.Import i : imports.imports()) {
            ServiceTracker<Object, ServiceReference<Object>> tracker = new ServiceTracker<>(context, filter(context, i),
                    null) {
                @Override
                public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                    return reference; // listening is the point; the service is not used
                }
            };
            tracker.open(true);
            trackers.add(tracker);
        }
        return new ImportInterest(List.copyOf(trackers));
    }

    /** The filter the topology manager matches the import's endpoint against. */
    static String filterText(RemoteImports.Import i) {
        return "(&(" + Constants.OBJECTCLASS + "=" + i.interfaceName() + ")(" + NativeBundleConstants.LIBRARY + "="
                + i.library() + ")" + i.symbol().map(s -> "(" + NativeBundleConstants.SYMBOL + "=" + s + ")").orElse("")
                + ")";
    }

    private static org.osgi.framework.Filter filter(BundleContext context, RemoteImports.Import i) {
        try {
            return context.createFilter(filterText(i));
        } catch (InvalidSyntaxException e) {
            // the import's names were checked when the property was read
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
