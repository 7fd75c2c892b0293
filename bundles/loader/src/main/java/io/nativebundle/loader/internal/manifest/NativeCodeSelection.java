package io.nativebundle.loader.internal.manifest;

import java.util.List;

/**
 * The {@code Bundle-NativeCode} clause chosen for this platform.
 *
 * @param platform the platform name used in service properties, e.g. {@code linux-x86-64}
 * @param entries  the clause's paths; the first is the library to open, the others are the
 *                 libraries of the same bundle it needs
 */
public record NativeCodeSelection(String platform, List<String> entries) {

    public NativeCodeSelection {
        entries = List.copyOf(entries);
    }

    public String library() {
        return entries.get(0);
    }
}
