package io.nativebundle.shell.internal;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import io.nativebundle.api.NativeType;

/**
 * Prints a native value as a plain word, the way {@link ValueParser} reads it back: numbers in
 * decimal ({@code ulong} unsigned), pointers in {@code 0x} hex, buffers as {@code hex:...},
 * strings as they are, structs as {@code {quot=3, rem=2}} (NativeStruct's form).
 */
final class ValueFormatter {

    private ValueFormatter() {
    }

    /** The value of {@code type}; {@code null} for {@code void}, so the shell prints nothing. */
    static String format(NativeType type, Object value) {
        if (type == NativeType.VOID) {
            return null;
        }
        if (value == null) {
            return "null";
        }
        switch (type) {
            case POINTER:
                return value instanceof Number n ? "0x" + Long.toHexString(n.longValue()) : value.toString();
            case BOOLEAN:
                return value instanceof Number n ? String.valueOf(n.longValue() != 0) : value.toString();
            case BUFFER:
                return "hex:" + HexFormat.of().formatHex(bytes(value));
            case ULONG:
                return value instanceof Long l ? Long.toUnsignedString(l) : value.toString();
            default:
                return value.toString();
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] b = new byte[copy.remaining()];
            copy.get(b);
            return b;
        }
        throw new IllegalArgumentException("a buffer result must be a byte[] or ByteBuffer, not "
                + value.getClass().getName());
    }
}
