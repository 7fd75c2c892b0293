package io.nativebundle.contract;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a {@link Signature}: its type (a scalar or a {@link StructLayout}), how it is
 * passed, and the name the signature gives it, if any ({@code out int exp}).
 *
 * @param direction how the value travels
 * @param type      the scalar type, or {@link TypeName#STRUCT}
 * @param struct    the layout when {@code type} is {@link TypeName#STRUCT}, else {@code null}
 * @param name      the parameter's name, or {@code null}
 * @param callback  the callback's signature when {@code type} is {@link TypeName#CALLBACK}, else {@code null}
 * @param array     whether it is an array of {@code type} ({@code int[] v}), passed as a pointer to
 *                  a copy of the caller's array: copied in ({@code IN}), back out ({@code OUT}), or both
 */
public record Parameter(Direction direction, TypeName type, StructLayout struct, CallbackType callback, String name,
                        boolean array) {

    /** How a parameter's value travels between Java and C. */
    public enum Direction {
        /** By value: the caller passes it; a struct is copied into the call's arguments. */
        IN,
        /** By pointer: the runtime allocates, the callee writes, the caller gets the value back. */
        OUT,
        /** By pointer: the caller passes a value, the callee may change it, the caller gets it back. */
        INOUT;

        /** {@code out}, {@code inout}; empty for {@link #IN}, which has no keyword. */
        public String keyword() {
            return this == IN ? "" : name().toLowerCase(Locale.ROOT);
        }
    }

    public Parameter {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        if ((type == TypeName.STRUCT) != (struct != null)) {
            throw new IllegalArgumentException("a struct parameter needs its layout, and only it");
        }
        if ((type == TypeName.CALLBACK) != (callback != null)) {
            throw new IllegalArgumentException("a callback parameter needs its signature, and only it");
        }
        if (callback != null && (direction != Direction.IN || array)) {
            throw new IllegalArgumentException("a callback is passed by value, not " + direction.keyword()
                    + (array ? " or as an array" : ""));
        }
        if (array && !isArrayElement(type)) {
            throw new IllegalArgumentException("an array parameter is one of " + ARRAY_ELEMENTS + ", not " + type.token()
                    + "[]");
        }
    }

    /**
     * What an array parameter's elements may be: every type with a fixed size in memory, the
     * scalars a struct field may be and structs ({@code div_t[]}); not {@code string},
     * {@code buffer}, callbacks or {@code void}.
     */
    public static final String ARRAY_ELEMENTS = "byte[], short[], int[], long[], float[], double[], pointer[],"
            + " ubyte[], ushort[], uint[], ulong[], boolean[] or a struct's";

    /** Whether an array parameter may have elements of {@code type}. */
    public static boolean isArrayElement(TypeName type) {
        return switch (type) {
            case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, POINTER, UBYTE, USHORT, UINT, ULONG, BOOLEAN, STRUCT -> true;
            default -> false;
        };
    }

    /** A parameter that is not a callback. */
    public Parameter(Direction direction, TypeName type, StructLayout struct, String name, boolean array) {
        this(direction, type, struct, null, name, array);
    }

    /** The parameter's callback signature when it is a callback. */
    public Optional<CallbackType> callbackType() {
        return Optional.ofNullable(callback);
    }

    /** An unnamed parameter passed by value. */
    public static Parameter of(TypeName type) {
        return new Parameter(Direction.IN, type, null, null, false);
    }

    /** The parameter's layout when it is a struct. */
    public Optional<StructLayout> layout() {
        return Optional.ofNullable(struct);
    }

    /** The parameter's name, if the signature gives one. */
    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }

    /** Whether the callee writes a value the caller gets back ({@code out}, {@code inout}). */
    public boolean returnsValue() {
        return direction != Direction.IN;
    }

    /** Whether the caller passes a value ({@code in}, {@code inout}, and every array, whose length the caller's array gives). */
    public boolean takesValue() {
        return direction != Direction.OUT || array;
    }

    /** {@code out int exp}, {@code div_t{quot:int,rem:int}}, {@code double x}. */
    @Override
    public String toString() {
        String d = direction.keyword();
        return (d.isEmpty() ? "" : d + " ") + (struct != null ? struct.toString()
                : callback != null ? callback.toString() : type.token())
                + (array ? "[]" : "") + (name != null ? " " + name : "");
    }
}
