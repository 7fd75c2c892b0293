package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.remoteserviceadmin.ExportReference;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdmin;

/**
 * The endpoints of this framework's exports, from every {@link RemoteServiceAdmin}: the only place
 * that knows them (the port of an export without a fixed one is chosen when it is exported). Only
 * this class names Remote Services' API, whose import is optional ({@link RemoteView#present}).
 */
final class RemoteEndpoints {

    private RemoteEndpoints() {
    }

    /** The endpoint ids of each exported service, by its {@code service.id}. */
    static Map<Long, List<String>> exported(BundleContext context) {
        Map<Long, List<String>> endpoints = new HashMap<>();
        try {
            for (ServiceReference<RemoteServiceAdmin> ref : context.getServiceReferences(RemoteServiceAdmin.class,
                    null)) {
                RemoteServiceAdmin admin = context.getService(ref);
                if (admin == null) {
                    continue;
                }
                try {
                    for (ExportReference export : admin.getExportedServices()) {
                        ServiceReference<?> service = export.getExportedService();
                        if (service != null && export.getExportedEndpoint() != null) {
                            endpoints.computeIfAbsent((Long) service.getProperty(Constants.SERVICE_ID),
                                    id -> new ArrayList<>()).add(export.getExportedEndpoint().getId());
                        }
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return endpoints;
    }
}
