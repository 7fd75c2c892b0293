package io.nativebundle.loader.internal.unload;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;

import io.nativebundle.loader.internal.manifest.BundleManifest;

/** Why a bundle's library is unloaded, in the words of the UNLOADED event and the unloaded exception. */
public final class UnloadReason {

    private UnloadReason() {
    }

    /** From the bundle's event, or its state when the event says nothing (a refresh, a late look). */
    public static String of(Bundle bundle, BundleEvent event) {
        String name = "bundle " + BundleManifest.describe(bundle);
        if (event != null && event.getType() == BundleEvent.STOPPING) {
            // stop, update and uninstall of an active bundle all pass through STOPPING
            return name + " stopping";
        }
        if (event != null && event.getType() == BundleEvent.UNINSTALLED) {
            return name + " uninstalled";
        }
        return bundle.getState() == Bundle.ACTIVE ? name + " was refreshed: its revision changed"
                : name + " left ACTIVE";
    }
}
