package io.nativebundle.loader.internal;

import java.util.List;

/**
 * The {@code Bundle-NativeCode} clause chosen for this platform.
 *
 * @param platform the platform name used in service properties, e.g. {@code linux-x86-64}
 * @param entries  the clause's paths; the first is the library to open, the others are the
 *                 libraries of the same bundle it needs
 */
record NativeCodeSelection(String platform, List<String> entries) {

    NativeCodeSelection {
        entries = List.copyOf(entries);
    }

    String library() {
        return entries.get(0);
    }
}
