package io.nativebundle.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

import io.nativebundle.contract.Parameter;

/**
 * One parameter of a {@link NativeSignature}: its type, how its value travels, and its name when
 * the signature gives one ({@code frexp = (double x, out int exp)double}).
 *
 * <p>Serializable since 2.3.0, as its signature's written-out text and its position, parsed
 * again when read: a malformed signature or a position it does not have is refused with an
 * {@link InvalidObjectException}.
 *
 * @since 2.2.0
 */
public final class NativeParameter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a parameter's value travels between Java and C. */
    public enum Direction {
        /** By value: the caller passes it ({@code double x}; a struct is copied into the call). */
        IN,
        /**
         * By pointer, written by the callee ({@code out int exp}, {@code out timeval}): the caller
         * passes nothing; the runtime allocates the value, zeroed, and hands back what the callee
         * wrote in {@link NativeCallResult#outValues()}.
         */
        OUT,
        /**
         * By pointer, read and written by the callee ({@code inout ulong len}): the caller passes
         * a value, the runtime copies it in, and hands back what the callee left there.
         */
        INOUT
    }

    private final Parameter parameter;
    private final int index;
    /** The signature it belongs to, written out: its serial form's text. */
    private final String signature;
    private final NativeStructType struct;
    private final NativeSignature callback;
    private final NativeType type;
    /** Worked out once: a call reads both for every parameter. */
    private final Direction direction;
    private final String label;

    NativeParameter(Parameter parameter, int index, String signature) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.index = index;
        this.signature = signature;
        this.type = NativeType.of(parameter.type());
        this.struct = parameter.layout().map(NativeStructType::new).orElse(null);
        this.callback = parameter.callbackType().map(c -> NativeSignature.of(c.signature())).orElse(null);
        this.direction = Direction.valueOf(parameter.direction().name());
        this.label = parameter.optionalName().orElse("arg" + (index + 1));
    }

    /** The type; {@link NativeType#STRUCT} for a struct. */
    public NativeType type() {
        return type;
    }

    /** The struct's layout when {@link #type()} is {@link NativeType#STRUCT}. */
    public Optional<NativeStructType> structType() {
        return Optional.ofNullable(struct);
    }

    /**
     * The signature C calls a {@link NativeType#CALLBACK} parameter with: what the
     * {@link NativeCallback} the caller passes receives and returns ({@code (pointer,pointer)int}).
     *
     * @since 2.2.0
     */
    public Optional<NativeSignature> callbackSignature() {
        return Optional.ofNullable(callback);
    }

    /** The name of a {@link NativeType#CALLBACK} parameter's type ({@code comparator}). */
    public Optional<String> callbackName() {
        return parameter.callbackType().map(c -> c.name());
    }

    /** How the value travels. */
    public Direction direction() {
        return direction;
    }

    /**
     * Whether the parameter is an array ({@code int[] v}), passed as a pointer to a copy of the
     * caller's Java array ({@link #arrayClass()}; {@code null} for a null pointer). By
     * {@link #direction()}: {@code IN} copies it in only, {@code OUT} copies C's values back out
     * only (the array's length is the element count C may write), {@code INOUT} both. The caller
     * passes the array in every direction; the values copied out land in the caller's array, which
     * {@link NativeCallResult#outValues()} also holds. Elements copied in must fit their type (an
     * {@code ubyte[]} element from 0 to 255, a struct array's element a {@code NativeStruct} of
     * its layout), or the call is refused naming the element.
     */
    public boolean isArray() {
        return parameter.array();
    }

    /**
     * The Java array an array parameter takes: the primitive array of the element's width
     * ({@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]} also for {@code pointer[]},
     * {@code float[]}, {@code double[]}); since 2.3.0 also the array of an element's carrier where
     * C's width has no Java primitive: {@code short[]} for {@code ubyte[]}, {@code int[]} for
     * {@code ushort[]}, {@code long[]} for {@code uint[]} and {@code ulong[]} (its 64 bits, two's
     * complement), {@code boolean[]} for {@code boolean[]} (C {@code int}s of 0 or 1) and
     * {@code NativeStruct[]} for an array of structs (laid out one after the other, each the
     * struct's size).
     *
     * @throws IllegalStateException when the parameter is not an array
     */
    public Class<?> arrayClass() {
        if (!isArray()) {
            throw new IllegalStateException("parameter " + label() + " is not an array");
        }
        return Carriers.arrayClass(type());
    }

    /** The name the signature gives the parameter, if any. */
    public Optional<String> name() {
        return parameter.optionalName();
    }

    /** The position among all parameters, from 0. */
    public int index() {
        return index;
    }

    /**
     * What an out value is called in {@link NativeCallResult#outValues()} and by
     * {@code native:call}: the parameter's name, or {@code arg<N>} with {@code N} its position
     * from 1 ({@code arg2}).
     */
    public String label() {
        return label;
    }

    /** Whether the caller passes a value for it ({@code IN}, {@code INOUT}, and every array). */
    public boolean takesValue() {
        return parameter.takesValue();
    }

    /** Whether the call hands a value of it back ({@code OUT}, {@code INOUT}). */
    public boolean returnsValue() {
        return parameter.returnsValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeParameter p && parameter.equals(p.parameter) && index == p.index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, index);
    }

    private Object writeReplace() {
        return new Form(signature, index);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.formOnly(NativeParameter.class);
    }

    /** The serial form: the signature written out and the parameter's position in it. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String signature;
        private final int index;

        Form(String signature, int index) {
            this.signature = signature;
            this.index = index;
        }

        private Object readResolve() throws InvalidObjectException {
            NativeSignature s = SerialForms.signature(NativeParameter.class, signature);
            if (index < 0 || index >= s.parameterList().size()) {
                throw SerialForms.malformed(NativeParameter.class, "a position from 0 below "
                        + s.parameterList().size() + " in " + s, index);
            }
            return s.parameterList().get(index);
        }
    }

    /** {@code out int exp}. */
    @Override
    public String toString() {
        return parameter.toString();
    }
}
