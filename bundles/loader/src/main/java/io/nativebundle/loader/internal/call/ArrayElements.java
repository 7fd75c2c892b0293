package io.nativebundle.loader.internal.call;

import java.lang.reflect.Array;

import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;

/**
 * Checks the elements of an array argument that C will read ({@code IN}, {@code INOUT}) where the
 * Java array can hold what the C element cannot: an unsigned element out of its range (a
 * {@code short} of 300 for an {@code ubyte}, a negative one) is refused, never truncated, and an
 * element of a struct array must be a {@code NativeStruct} of the parameter's layout. The
 * elements of an {@code OUT} array are not read (C gets zeroed memory), so they are not checked.
 * Arrays whose every Java value fits C ({@code int[]}, {@code ulong[]}'s bits, {@code boolean[]})
 * need no check.
 */
final class ArrayElements {

    private ArrayElements() {
    }

    /**
     * @param argument the argument's position among the passed ones, from 0
     * @throws IllegalArgumentException naming the symbol, the argument, the element's index, what
     *                                  it must be and what it is, e.g. {@code memchr(ubyte[],...)...:
     *                                  argument 1, element [3], must be ubyte (0 to 255) but is 300}
     */
    static void check(String symbol, NativeSignature signature, NativeParameter p, Object array, int argument) {
        if (array == null || p.direction() == NativeParameter.Direction.OUT) {
            return;
        }
        switch (p.type()) {
            case UBYTE -> range(symbol, signature, p, array, argument, 0xFFL);
            case USHORT -> range(symbol, signature, p, array, argument, 0xFFFFL);
            case UINT -> range(symbol, signature, p, array, argument, 0xFFFF_FFFFL);
            case STRUCT -> structs(symbol, signature, p.structType().orElseThrow(), (NativeStruct[]) array, argument);
            default -> {
                // the carrier has C's width: every Java value is a C value
            }
        }
    }

    private static void range(String symbol, NativeSignature signature, NativeParameter p, Object array,
                              int argument, long max) {
        for (int i = 0; i < Array.getLength(array); i++) {
            long value = ((Number) Array.get(array, i)).longValue();
            if (value < 0 || value > max) {
                throw new IllegalArgumentException(where(symbol, signature, argument, i) + " must be "
                        + p.type().token() + " (0 to " + max + ") but is " + value);
            }
        }
    }

    private static void structs(String symbol, NativeSignature signature, NativeStructType layout,
                                NativeStruct[] array, int argument) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null || !array[i].type().equals(layout)) {
                throw new IllegalArgumentException(where(symbol, signature, argument, i) + " must be a NativeStruct of "
                        + layout + " but is " + (array[i] == null ? "null" : "a NativeStruct of " + array[i].type()));
            }
        }
    }

    private static String where(String symbol, NativeSignature signature, int argument, int index) {
        return symbol + signature + ": argument " + (argument + 1) + ", element [" + index + "],";
    }
}
