package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeType;

/**
 * The bytes C sees of an array parameter whose Java carrier has another width than C's element
 * ({@link #converts}): {@code ubyte[]} (a {@code short[]}), {@code ushort[]} (an {@code int[]}),
 * {@code uint[]} (a {@code long[]}), {@code boolean[]} (C {@code int}s of 0 or 1) and an array of
 * structs (a {@code NativeStruct[]}, one struct after another, each the struct's size, which is a
 * multiple of its alignment). Elements are written and read by {@link ValueCodec}, so an array
 * element lies in memory exactly as a struct field of its type. Arrays whose carrier has C's width
 * ({@code int[]}, {@code ulong[]} as {@code long[]}, ...) are passed as they are, without this class.
 */
public final class ArrayCodec {

    private ArrayCodec() {
    }

    /** Whether an array of {@code element} must be converted: its Java carrier's width is not C's. */
    public static boolean converts(NativeType element) {
        return switch (element) {
            case UBYTE, USHORT, UINT, BOOLEAN, STRUCT -> true;
            default -> false;
        };
    }

    /** The bytes of one element of the array parameter {@code p} in C. */
    public static int elementSize(NativeParameter p) {
        return p.type() == NativeType.STRUCT ? p.structType().orElseThrow().size() : ValueCodec.size(p.type());
    }

    /** The bytes C reads of {@code array} (an {@code IN} or {@code INOUT} argument, elements already checked). */
    public static byte[] encode(NativeParameter p, Object array) {
        int size = elementSize(p);
        int length = Array.getLength(array);
        ByteBuffer out = ValueCodec.buffer(new byte[size * length]);
        for (int i = 0; i < length; i++) {
            Object element = Array.get(array, i);
            if (p.type() == NativeType.STRUCT) {
                ValueCodec.write(out, i * size, (NativeStruct) element);
            } else {
                ValueCodec.writeScalar(out, i * size, p.type(), element);
            }
        }
        return out.array();
    }

    /** Zeroed room for as many elements as {@code array} has: what C writes into for an {@code OUT} array. */
    public static byte[] room(NativeParameter p, Object array) {
        return new byte[elementSize(p) * Array.getLength(array)];
    }

    /** Reads C's elements from {@code bytes} back into the caller's {@code array} ({@code OUT}, {@code INOUT}). */
    public static void decodeInto(NativeParameter p, byte[] bytes, Object array) {
        int size = elementSize(p);
        ByteBuffer in = ValueCodec.buffer(bytes);
        for (int i = 0; i < Array.getLength(array); i++) {
            Array.set(array, i, p.type() == NativeType.STRUCT
                    ? ValueCodec.read(in, i * size, p.structType().orElseThrow())
                    : ValueCodec.readScalar(in, i * size, p.type()));
        }
    }
}
