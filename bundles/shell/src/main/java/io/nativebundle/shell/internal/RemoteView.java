package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The {@code Remote} section of {@code native:list}, and the rows its JSON form says the same
 * with: each service this framework exports ({@code nativebundle.remote=exported}) or imports
 * ({@code nativebundle.remote=imported}), by library, with its endpoint and tenant. Empty, and not
 * shown, while nothing is remote.
 */
final class RemoteView {

    private RemoteView() {
    }

    /** The section with its title, or empty while nothing is remote. */
    static String text(List<RemoteRow> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        Table table = Table.withHeaders("LIBRARY", "REMOTE", "SERVICE", "ENDPOINT", "TENANT");
        for (RemoteRow row : rows) {
            table.row(row.library(), row.remote(), row.service(), row.endpoint().orElse("not exported (yet)"),
                    row.tenant());
        }
        return "Remote\n" + table;
    }

    /**
     * Each exported and imported service, by library and service: an export once per endpoint
     * Remote Services gave it (from {@code RemoteServiceAdmin}, so also a port chosen at export
     * time), once with no endpoint while it has none; an import with its {@code nativebundle.remote.endpoint}.
     */
    static List<RemoteRow> rows(BundleContext context) {
        List<ServiceReference<?>> refs = remote(context);
        if (refs.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> endpoints = present() ? RemoteEndpoints.exported(context) : Map.of();
        List<RemoteRow> rows = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            String library = String.valueOf(ref.getProperty(NativeBundleConstants.LIBRARY));
            String remote = String.valueOf(ref.getProperty(NativeBundleConstants.REMOTE));
            String tenant = String.valueOf(ref.getProperty(NativeBundleConstants.TENANT));
            if (NativeBundleConstants.REMOTE_EXPORTED.equals(remote)) {
                Optional<Long> generation = ref.getProperty(NativeBundleConstants.GENERATION) instanceof Number n
                        ? Optional.of(n.longValue()) : Optional.empty();
                List<String> ids = endpoints.getOrDefault((Long) ref.getProperty(Constants.SERVICE_ID), List.of());
                if (ids.isEmpty()) {
                    rows.add(new RemoteRow(library, remote, service(ref), Optional.empty(), tenant, generation));
                }
                for (String id : ids) {
                    rows.add(new RemoteRow(library, remote, service(ref), Optional.of(id), tenant, generation));
                }
            } else {
                rows.add(new RemoteRow(library, remote, service(ref), Optional.ofNullable(
                        ref.getProperty(NativeBundleConstants.REMOTE_ENDPOINT)).map(String::valueOf), tenant,
                        Optional.empty()));
            }
        }
        return rows;
    }

    private static List<ServiceReference<?>> remote(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + NativeBundleConstants.REMOTE + "=*)");
            List<ServiceReference<?>> list = new ArrayList<>(refs == null ? List.of() : List.of(refs));
            list.sort(Comparator.comparing((ServiceReference<?> r) -> String.valueOf(r.getProperty(
                    NativeBundleConstants.LIBRARY))).thenComparing(RemoteView::service));
            return list;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The interface, and the symbol of a {@code NativeFunction}. */
    private static String service(ServiceReference<?> ref) {
        String[] types = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        Object symbol = ref.getProperty(NativeBundleConstants.SYMBOL);
        String type = types.length == 0 ? "?" : types[0].substring(types[0].lastIndexOf('.') + 1);
        return symbol == null ? type : type + " " + symbol;
    }

    /** Whether Remote Services' API is wired to this bundle (Aries RSA runs). */
    static boolean present() {
        try {
            Class.forName("org.osgi.service.remoteserviceadmin.RemoteServiceAdmin", false,
                    RemoteView.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
