package io.nativebundle.loader.internal.metrics;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;

/**
 * The JMX names of library and symbol metrics.
 *
 * <p>A library of the default tenant is {@code io.nativebundle:type=Library,name=<library>} and
 * each of its symbols {@code io.nativebundle:type=Library,name=<library>,Symbol=<symbol>}.
 * Because a name must be unique in the (JVM-wide) platform MBeanServer, the keys grow only when
 * needed:
 * <ul>
 *   <li>another tenant adds {@code tenant=<tenant>}: {@code type=Library,name=math,tenant=acme};</li>
 *   <li>a second live generation of the same library (two bundles carry it, or a framework
 *       restarted in the same JVM before the old one unregistered) adds
 *       {@code generation=<n>}, and if even that is taken, {@code instance=<k>}.</li>
 * </ul>
 * Query {@code io.nativebundle:type=Library,name=math,*} to see every generation.
 */
final class MBeanNames {

    static final String DOMAIN = "io.nativebundle";

    private MBeanNames() {
    }

    /** The key list of a library's MBean, {@code attempt} 0 being the plainest. */
    static String libraryKeys(NativeLibrary library, int attempt) {
        StringBuilder keys = new StringBuilder("type=Library,name=").append(value(library.name()));
        if (!NativeBundleConstants.DEFAULT_TENANT.equals(library.tenant())) {
            keys.append(",tenant=").append(value(library.tenant()));
        }
        if (attempt >= 1) {
            keys.append(",generation=").append(library.generation());
        }
        if (attempt >= 2) {
            keys.append(",instance=").append(attempt);
        }
        return keys.toString();
    }

    static ObjectName library(String keys) {
        return name(keys);
    }

    static ObjectName symbol(String libraryKeys, String symbol) {
        return name(libraryKeys + ",Symbol=" + value(symbol));
    }

    /** A key value as is when JMX allows it unquoted, quoted otherwise. */
    static String value(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '=' || c == ':' || c == '"' || c == '*' || c == '?' || c == '\n' || c == '\\') {
                return ObjectName.quote(text);
            }
        }
        return text.isEmpty() ? ObjectName.quote(text) : text;
    }

    private static ObjectName name(String keys) {
        try {
            return new ObjectName(DOMAIN + ":" + keys);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bad MBean name " + DOMAIN + ":" + keys, e);
        }
    }
}
