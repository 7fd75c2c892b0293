package io.nativebundle.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import io.nativebundle.contract.Signature;
import io.nativebundle.contract.SignatureException;
import io.nativebundle.contract.SignatureParser;

/**
 * The parameter and return types of a native function, written {@code (int,int)int}.
 *
 * <pre>{@code
 * NativeSignature s = NativeSignature.parse("(string)int");
 * s.parameters(); // [STRING]
 * s.returnType(); // INT
 * NativeSignature frexp = NativeSignature.parse("(double x, out int exp)double");
 * frexp.parameterList().get(1).label(); // "exp"
 * }</pre>
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users. The grammar is the contract's one
 * parser, the same the bnd plugin, the wrapper and the loader read signatures with.
 *
 * <p>Serializable since 2.3.0, as its written-out text ({@link #toString()}), which is parsed
 * again when read: a stream with a malformed signature is refused with an
 * {@link InvalidObjectException} naming it.
 */
public final class NativeSignature implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The one implementation: the contract's value, which the grammar produces and prints. */
    private final Signature signature;
    private final List<NativeType> parameters;
    private final NativeType returnType;
    private final List<NativeParameter> parameterList;
    private final NativeStructType returnStruct;

    /**
     * @param parameters the parameter types, none of them {@link NativeType#VOID}
     * @param returnType the return type, {@link NativeType#VOID} for none
     * @throws IllegalArgumentException when a parameter is {@code VOID}
     */
    public NativeSignature(List<NativeType> parameters, NativeType returnType) {
        this.parameters = List.copyOf(parameters);
        this.returnType = Objects.requireNonNull(returnType, "returnType");
        this.signature = new Signature(this.parameters.stream().map(NativeType::contractName).toList(),
                returnType.contractName());
        this.parameterList = list(signature);
        this.returnStruct = null;
    }

    private NativeSignature(Signature parsed) {
        this.signature = parsed;
        this.parameters = parsed.parameters().stream().map(NativeType::of).toList();
        this.returnType = NativeType.of(parsed.returnType());
        this.parameterList = list(parsed);
        this.returnStruct = parsed.returnLayout().map(NativeStructType::new).orElse(null);
    }

    /** The API's view of a contract signature (a callback parameter's). */
    static NativeSignature of(Signature signature) {
        return new NativeSignature(signature);
    }

    private static List<NativeParameter> list(Signature signature) {
        List<NativeParameter> list = new ArrayList<>();
        for (int i = 0; i < signature.parameterList().size(); i++) {
            list.add(new NativeParameter(signature.parameterList().get(i), i, signature.toString()));
        }
        return List.copyOf(list);
    }

    /**
     * Parses {@code (type,type,...)type}; blanks between the parts and the case of type names do
     * not matter.
     *
     * @throws IllegalArgumentException naming the column, what was expected and what was found, e.g.
     *         {@code signature '(int,integer)int', column 6: unknown parameter type 'integer'; expected one of ...}
     */
    public static NativeSignature parse(String text) {
        Signature parsed;
        try {
            parsed = SignatureParser.parse(text);
        } catch (SignatureException e) {
            // the contract's exception class is private to this bundle: hand on its message only
            throw new IllegalArgumentException(e.getMessage());
        }
        return new NativeSignature(parsed);
    }

    /**
     * The parameters with their names and how each value travels ({@code out int exp}); one
     * per entry of {@link #parameters()}.
     *
     * @since 2.2.0
     */
    public List<NativeParameter> parameterList() {
        return parameterList;
    }

    /**
     * The layout of the struct returned by value, when {@link #returnType()} is
     * {@link NativeType#STRUCT}.
     *
     * @since 2.2.0
     */
    public Optional<NativeStructType> returnStructType() {
        return Optional.ofNullable(returnStruct);
    }

    /**
     * Whether a call captures errno ({@code errno} after the return type), readable in
     * {@link NativeCallResult#errno()}.
     *
     * @since 2.2.0
     */
    public boolean capturesErrno() {
        return signature.capturesErrno();
    }

    /**
     * For a declaration of a variadic function, e.g. {@code snprintf = (buffer dst, size_t n,
     * string fmt, ..., int, double)int}, the number of fixed parameters (3); the parameters after
     * them are this declaration's variadic arguments, declared by their promoted types. Empty for
     * a function that is not variadic.
     *
     * @since 2.2.0
     */
    public OptionalInt fixedParameterCount() {
        return signature.fixedCount() < 0 ? OptionalInt.empty() : OptionalInt.of(signature.fixedCount());
    }

    /**
     * Whether every backend carries this signature: only the scalars {@code void} to
     * {@code buffer}, by value, unnamed, without errno. The others (unsigned types, structs,
     * out-parameters, errno) need a backend that supports them; one that does not refuses the
     * symbol when it is loaded.
     *
     * @since 2.2.0
     */
    public boolean isBasic() {
        return signature.isBasic();
    }

    /** The parameter types, in order ({@link NativeType#STRUCT} for a struct); unmodifiable. */
    public List<NativeType> parameters() {
        return parameters;
    }

    /** The return type. */
    public NativeType returnType() {
        return returnType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeSignature s && signature.equals(s.signature);
    }

    @Override
    public int hashCode() {
        return signature.hashCode();
    }

    private Object writeReplace() {
        return new Form(toString());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.formOnly(NativeSignature.class);
    }

    /** The serial form: the signature as written out. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String text;

        Form(String text) {
            this.text = text;
        }

        private Object readResolve() throws InvalidObjectException {
            return SerialForms.signature(NativeSignature.class, text);
        }
    }

    /** {@code (int,int)int}, {@code (double x,out int exp)double}, {@code (int,int)div_t{quot:int,rem:int}}. */
    @Override
    public String toString() {
        return signature.toString();
    }
}
