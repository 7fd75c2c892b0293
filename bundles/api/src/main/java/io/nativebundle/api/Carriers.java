package io.nativebundle.api;

import java.util.function.Supplier;

/**
 * The Java carrier of each scalar type and the rule for values that do not fit: a narrower or
 * equal integral box is widened ({@code Integer} for a {@code long} field), a value outside the
 * type's range is refused, never truncated. Unsigned types are carried by the next wider signed
 * type ({@code ubyte} a {@code Short}, {@code ushort} an {@code Integer}, {@code uint} a
 * {@code Long}); {@code ulong} by a {@code Long} holding its 64 bits.
 *
 * <p>An array of a type (a fixed array field, an array parameter) is the Java array of that
 * carrier's primitive ({@link #arrayClass}): {@code ubyte[]} a {@code short[]}, {@code ushort[]}
 * an {@code int[]}, {@code uint[]} and {@code ulong[]} (two's complement: 2^63 and up read as
 * negative) a {@code long[]}, {@code boolean[]} a {@code boolean[]}, a struct's a
 * {@code NativeStruct[]}.
 */
final class Carriers {

    private Carriers() {
    }

    /**
     * {@code value} as the carrier of {@code type}.
     *
     * @param where what the value is, for the message only: computed when a value is refused, not
     *              on every call (struct fields are normalized on the call path)
     * @throws IllegalArgumentException naming {@code where}, the type, its range and the value
     */
    static Object normalize(NativeType type, Object value, Supplier<String> where) {
        switch (type) {
            case BYTE: return (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, type, where);
            case SHORT: return (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, type, where);
            case INT: return (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type, where);
            case LONG: case POINTER: case ULONG: return integral(value, Long.MIN_VALUE, Long.MAX_VALUE, type, where);
            case UBYTE: return (short) integral(value, 0, 0xFF, type, where);
            case USHORT: return (int) integral(value, 0, 0xFFFF, type, where);
            case UINT: return integral(value, 0, 0xFFFF_FFFFL, type, where);
            case FLOAT:
                if (value instanceof Float || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).floatValue();
                }
                throw mismatch(type, value, where);
            case DOUBLE:
                if (value instanceof Number n && !(value instanceof java.math.BigInteger)
                        && !(value instanceof java.math.BigDecimal)) {
                    return n.doubleValue();
                }
                throw mismatch(type, value, where);
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw mismatch(type, value, where);
            default:
                throw new IllegalArgumentException(where.get() + ": a " + type.token() + " has no scalar carrier");
        }
    }

    /**
     * Whether {@code value} already is the carrier of scalar {@code type} and within its range:
     * then {@link #normalize} would give an equal value, and the value itself may be kept.
     */
    static boolean isCarrier(NativeType type, Object value) {
        switch (type) {
            case BYTE: return value instanceof Byte;
            case SHORT: return value instanceof Short;
            case INT: return value instanceof Integer;
            case LONG: case POINTER: case ULONG: return value instanceof Long;
            case UBYTE: return value instanceof Short s && s >= 0 && s <= 0xFF;
            case USHORT: return value instanceof Integer i && i >= 0 && i <= 0xFFFF;
            case UINT: return value instanceof Long l && l >= 0 && l <= 0xFFFF_FFFFL;
            case FLOAT: return value instanceof Float;
            case DOUBLE: return value instanceof Double;
            case BOOLEAN: return value instanceof Boolean;
            default: return false;
        }
    }

    /**
     * The Java array that carries an array of {@code type}: the primitive array of its carrier
     * ({@code long[]} for {@code pointer}, {@code uint} and {@code ulong}), {@code NativeStruct[]}
     * for a struct.
     *
     * @throws IllegalArgumentException for a type no array has ({@code string}, {@code buffer}, ...)
     */
    static Class<?> arrayClass(NativeType type) {
        switch (type) {
            case BYTE: return byte[].class;
            case SHORT: case UBYTE: return short[].class;
            case INT: case USHORT: return int[].class;
            case LONG: case UINT: case ULONG: case POINTER: return long[].class;
            case FLOAT: return float[].class;
            case DOUBLE: return double[].class;
            case BOOLEAN: return boolean[].class;
            case STRUCT: return NativeStruct[].class;
            default: throw new IllegalArgumentException("no array of " + type.token());
        }
    }

    private static long integral(Object value, long min, long max, NativeType type, Supplier<String> where) {
        if (!(value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long)) {
            throw mismatch(type, value, where);
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException(where.get() + " must be " + type.token() + " (" + min + " to " + max
                    + ") but is " + v);
        }
        return v;
    }

    private static IllegalArgumentException mismatch(NativeType type, Object value, Supplier<String> where) {
        return new IllegalArgumentException(where.get() + " must be " + type.token() + " but is "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
}
