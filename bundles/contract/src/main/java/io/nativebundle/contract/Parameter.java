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
 */
public record Parameter(Direction direction, TypeName type, StructLayout struct, String name) {

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
    }

    /** An unnamed parameter passed by value. */
    public static Parameter of(TypeName type) {
        return new Parameter(Direction.IN, type, null, null);
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

    /** Whether the caller passes a value ({@code in}, {@code inout}). */
    public boolean takesValue() {
        return direction != Direction.OUT;
    }

    /** {@code out int exp}, {@code div_t{quot:int,rem:int}}, {@code double x}. */
    @Override
    public String toString() {
        String d = direction.keyword();
        return (d.isEmpty() ? "" : d + " ") + (struct != null ? struct.toString() : type.token())
                + (name != null ? " " + name : "");
    }
}
