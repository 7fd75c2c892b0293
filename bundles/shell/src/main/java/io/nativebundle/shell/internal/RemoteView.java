package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;

/**
 * The {@code Remote} section of {@code native:list}: each service this framework exports
 * ({@code nativebundle.remote=exported}) or imports ({@code nativebundle.remote=imported}), by
 * library, with its endpoint and tenant. Empty, and not shown, while nothing is remote.
 */
final class RemoteView {

    private RemoteView() {
    }

    /** The section with its title, or empty. */
    static String text(BundleContext context) {
        List<ServiceReference<?>> refs = remote(context);
        if (refs.isEmpty()) {
            return "";
        }
        Map<Long, List<String>> endpoints = present() ? RemoteEndpoints.exported(context) : Map.of();
        Table table = Table.withHeaders("LIBRARY", "REMOTE", "SERVICE", "ENDPOINT", "TENANT");
        for (ServiceReference<?> ref : refs) {
            boolean exported = NativeBundleConstants.REMOTE_EXPORTED.equals(ref.getProperty(NativeBundleConstants.REMOTE));
            String endpoint = exported
                    ? String.join(", ", endpoints.getOrDefault((Long) ref.getProperty(Constants.SERVICE_ID),
                            List.of("not exported (yet)")))
                    : String.valueOf(ref.getProperty(NativeBundleConstants.REMOTE_ENDPOINT));
            table.row(ref.getProperty(NativeBundleConstants.LIBRARY), ref.getProperty(NativeBundleConstants.REMOTE),
                    service(ref), endpoint, ref.getProperty(NativeBundleConstants.TENANT));
        }
        return "Remote\n" + table;
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
