package io.nativebundle.loader.internal.tenant;

import java.util.OptionalLong;

/**
 * The quota of one tenant; an empty limit is no limit.
 *
 * @param librariesKey the framework property the library limit came from, for messages
 * @param bytesKey     the framework property the byte limit came from, for messages
 */
record TenantLimits(OptionalLong maxLibraries, String librariesKey, OptionalLong maxBytes, String bytesKey) {

    boolean unlimited() {
        return maxLibraries.isEmpty() && maxBytes.isEmpty();
    }
}
