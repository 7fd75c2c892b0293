package io.nativebundle.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The types a signature may name, with the token that spells each: {@code int} in
 * {@code (int,int)int}. The public API's {@code NativeType} has one constant per type, spelled
 * by this enum.
 */
public enum TypeName {
    VOID("void"),
    BYTE("byte"),
    SHORT("short"),
    INT("int"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    POINTER("pointer"),
    STRING("string"),
    BUFFER("buffer"),
    /** An unsigned 8-bit integer, {@code uint8_t}. */
    UBYTE("ubyte"),
    /** An unsigned 16-bit integer, {@code uint16_t}. */
    USHORT("ushort"),
    /** An unsigned 32-bit integer, {@code unsigned int}. */
    UINT("uint"),
    /** An unsigned 64-bit integer, {@code unsigned long} on the LP64 targets. */
    ULONG("ulong"),
    /**
     * A struct, passed or returned by value, or by pointer as an {@code out}/{@code inout}
     * parameter; its layout is a {@link StructLayout}. Never spelled by this token alone: a
     * signature names the struct ({@code div_t}) or writes its layout
     * ({@code div_t{quot:int,rem:int}}).
     */
    STRUCT("struct"),
    /**
     * A pointer to a function C calls back (an upcall stub), a parameter only; its signature is a
     * {@link CallbackType}. Never spelled by this token alone: a signature names the callback
     * ({@code comparator}) or writes it out ({@code comparator(pointer,pointer)int}).
     */
    CALLBACK("callback");

    /** {@code size_t} and {@code ssize_t}: named aliases, written back as the type they stand for (LP64). */
    private static final Map<String, TypeName> ALIASES = Map.of("size_t", ULONG, "ssize_t", LONG);

    /** What a global variable may be: what the loader can read and write at a symbol's address. */
    private static final Set<TypeName> VARIABLE_TYPES = EnumSet.of(BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, POINTER);

    private final String token;

    TypeName(String token) {
        this.token = token;
    }

    /** The name of the type in signatures, e.g. {@code int}. */
    public String token() {
        return token;
    }

    /** Whether a global variable may have this type. */
    public boolean isVariableType() {
        return VARIABLE_TYPES.contains(this);
    }

    /**
     * The type named by {@code token}, ignoring case and surrounding blanks ({@code INT} is
     * {@code int}); signatures are always written back in lowercase.
     */
    public static Optional<TypeName> of(String token) {
        String t = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(t)) {
            return Optional.of(ALIASES.get(t));
        }
        for (TypeName type : values()) {
            if (type != STRUCT && type != CALLBACK && type.token.equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** {@code void, byte, short, ...}: every scalar token and the aliases, for messages. */
    public static String vocabulary() {
        return Arrays.stream(values()).filter(t -> t != STRUCT && t != CALLBACK).map(TypeName::token)
                .collect(Collectors.joining(", ")) + ", size_t, ssize_t";
    }

    /** Whether this is an unsigned integer type. */
    public boolean isUnsigned() {
        return this == UBYTE || this == USHORT || this == UINT || this == ULONG;
    }

    /** The scalar types of the first vocabulary, which every backend carries (the others need a richer call path). */
    public boolean isBasic() {
        return ordinal() <= BUFFER.ordinal();
    }

    /**
     * Whether a struct field may have this type: a value of fixed size, so no {@code string},
     * {@code buffer} or {@code void} (write {@code pointer} for a {@code char *} field).
     */
    public boolean isFieldType() {
        return this != VOID && this != STRING && this != BUFFER && this != CALLBACK;
    }

    /** {@code byte, short, int, long, float, double, pointer}: the variable types, for messages. */
    public static String variableVocabulary() {
        return Arrays.stream(values()).filter(TypeName::isVariableType).map(TypeName::token)
                .collect(Collectors.joining(", "));
    }
}
