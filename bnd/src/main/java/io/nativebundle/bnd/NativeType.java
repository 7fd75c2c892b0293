package io.nativebundle.bnd;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The type vocabulary of {@code NativeBundle-Symbols} signatures, e.g. {@code (pointer,long)int}.
 *
 * <p>The vocabulary describes how a value crosses the Java/C boundary, not the C spelling:
 * {@code string} is a NUL-terminated {@code const char *} that jnr-ffi converts from or to a
 * {@code String}, {@code buffer} is memory the caller owns ({@code byte[]} or a
 * {@code ByteBuffer}), {@code pointer} is an address ({@code jnr.ffi.Pointer}).
 */
enum NativeType {
    VOID, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BOOLEAN, POINTER, STRING, BUFFER;

    /** The spelling in a signature: the lowercase name. */
    String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<NativeType> ofToken(String token) {
        return Arrays.stream(values())
            .filter(t -> t.token().equals(token))
            .findFirst();
    }

    /** All tokens, for error messages that tell the author what is allowed. */
    static String vocabulary() {
        return String.join(", ", Arrays.stream(values()).map(NativeType::token).toList());
    }

    @Override
    public String toString() {
        return token();
    }
}
