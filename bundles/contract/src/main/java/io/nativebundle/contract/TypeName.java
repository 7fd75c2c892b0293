package io.nativebundle.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
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
    BUFFER("buffer");

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
        for (TypeName type : values()) {
            if (type.token.equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** {@code void, byte, short, ...}: every token, for messages. */
    public static String vocabulary() {
        return Arrays.stream(values()).map(TypeName::token).collect(Collectors.joining(", "));
    }

    /** {@code byte, short, int, long, float, double, pointer}: the variable types, for messages. */
    public static String variableVocabulary() {
        return Arrays.stream(values()).filter(TypeName::isVariableType).map(TypeName::token)
                .collect(Collectors.joining(", "));
    }
}
