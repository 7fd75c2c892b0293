package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.MemorySegment;

/**
 * C strings returned on FFM: NUL-terminated UTF-8, {@code null} for the null pointer. (Strings
 * passed are {@link FfmScratch}'s.) Public for the generated bindings.
 */
public final class FfmStrings {

    private FfmStrings() {
    }

    /** The string at {@code pointer}, read now; {@code null} for the null pointer. */
    public static String read(MemorySegment pointer) {
        // a returned pointer has no size: the string reaches to its NUL
        return pointer.address() == 0L ? null : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
