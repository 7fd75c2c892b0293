package io.nativebundle.shell.internal;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/**
 * What the framework knows about a native bundle and the registry does not carry: its version,
 * location and OSGi state, and its raw headers.
 *
 * @param state {@code ACTIVE}, {@code RESOLVED}, ...
 */
record BundleFacts(String version, String location, String state) {

    static BundleFacts of(Bundle bundle) {
        return new BundleFacts(bundle.getVersion().toString(), bundle.getLocation(), stateName(bundle.getState()));
    }

    /** The headers as written in the manifest (not localized), looked up case-insensitively. */
    static Map<String, String> headers(Bundle bundle) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (bundle == null) {
            return map;
        }
        // raw headers: the library declaration is data, not text to translate
        Dictionary<String, String> d = bundle.getHeaders("");
        for (String key : Collections.list(d.keys())) {
            map.put(key, d.get(key));
        }
        return map;
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return String.valueOf(state);
        }
    }
}
