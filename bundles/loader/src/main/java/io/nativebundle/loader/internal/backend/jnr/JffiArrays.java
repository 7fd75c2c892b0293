package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.HeapInvocationBuffer;

import io.nativebundle.api.NativeParameter;

/**
 * Passes a Java primitive array as a pointer to a native copy of it: copied in for {@code IN},
 * back out into the same Java array for {@code OUT} (the native copy zeroed first, so C never
 * reads stale memory), both for {@code INOUT}; {@code null} is a null pointer. jffi makes and
 * frees the copy around the call, so C must not keep the pointer.
 */
final class JffiArrays {

    private JffiArrays() {
    }

    static void put(HeapInvocationBuffer buffer, Object array, NativeParameter.Direction direction) {
        if (array == null) {
            buffer.putAddress(0L);
            return;
        }
        int flags = switch (direction) {
            case IN -> ArrayFlags.IN;
            case OUT -> ArrayFlags.OUT | ArrayFlags.CLEAR;
            case INOUT -> ArrayFlags.IN | ArrayFlags.OUT;
        };
        if (array instanceof byte[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else if (array instanceof short[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else if (array instanceof int[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else if (array instanceof long[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else if (array instanceof float[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else if (array instanceof double[] a) {
            buffer.putArray(a, 0, a.length, flags);
        } else {
            throw new IllegalArgumentException("not an array of a parameter type: " + array.getClass().getName());
        }
    }
}
