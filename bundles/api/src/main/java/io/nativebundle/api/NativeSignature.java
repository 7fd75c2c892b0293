package io.nativebundle.api;

import java.util.List;
import java.util.Objects;

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
 * }</pre>
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users. The grammar is the contract's one
 * parser, the same the bnd plugin, the wrapper and the loader read signatures with.
 */
public final class NativeSignature {

    /** The one implementation: the contract's value, which the grammar produces and prints. */
    private final Signature signature;
    private final List<NativeType> parameters;
    private final NativeType returnType;

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
        return new NativeSignature(parsed.parameters().stream().map(NativeType::of).toList(),
                NativeType.of(parsed.returnType()));
    }

    /** The parameter types, in order; unmodifiable. */
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

    /** {@code (int,int)int}. */
    @Override
    public String toString() {
        return signature.toString();
    }
}
