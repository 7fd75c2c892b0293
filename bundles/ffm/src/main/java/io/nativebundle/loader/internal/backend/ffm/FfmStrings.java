package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** C strings on FFM: NUL-terminated UTF-8, {@code null} as the null pointer both ways. */
final class FfmStrings {

    private FfmStrings() {
    }

    /** {@code text} copied into {@code call}'s memory, or the null pointer. */
    static MemorySegment argument(String text, Arena call) {
        return text == null ? MemorySegment.NULL : call.allocateFrom(text);
    }

    /** The string at {@code pointer}, read now; {@code null} for the null pointer. */
    static String read(MemorySegment pointer) {
        // a returned pointer has no size: the string reaches to its NUL
        return pointer.address() == 0L ? null : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
