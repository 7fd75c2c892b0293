package io.nativebundle.api;

import java.util.Locale;

/**
 * The types a native signature may use, with the token that names each in
 * {@code NativeBundle-Symbols} (e.g. {@code (int,int)int}).
 */
public enum NativeType {
    /** No value; only as a return type. */
    VOID("void"),
    /** A signed 8-bit integer, {@code int8_t}. */
    BYTE("byte"),
    /** A signed 16-bit integer, {@code int16_t}. */
    SHORT("short"),
    /** A signed 32-bit integer, {@code int}. */
    INT("int"),
    /** A signed 64-bit integer, {@code int64_t}. */
    LONG("long"),
    /** A 32-bit float. */
    FLOAT("float"),
    /** A 64-bit double. */
    DOUBLE("double"),
    /** A C {@code int} used as a truth value (0 is false). */
    BOOLEAN("boolean"),
    /** A pointer-sized integer or address ({@code void *}, {@code size_t}, {@code intptr_t}); a Java {@code long}. */
    POINTER("pointer"),
    /** A NUL-terminated UTF-8 string ({@code const char *}); a Java {@code String}. */
    STRING("string"),
    /** A byte array or direct {@code ByteBuffer} passed as a pointer to its bytes. */
    BUFFER("buffer");

    private final String token;

    NativeType(String token) {
        this.token = token;
    }

    /** The name of the type in signatures. */
    public String token() {
        return token;
    }

    /**
     * The type named by {@code token}.
     *
     * @throws IllegalArgumentException naming the token and the known types
     */
    public static NativeType of(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        for (NativeType type : values()) {
            if (type.token.equals(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown native type '" + token
                + "'; expected one of void, byte, short, int, long, float, double, boolean, pointer, string, buffer");
    }
}
