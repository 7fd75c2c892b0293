package io.nativebundle.contract;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed function signature: parameter types and return type. Written {@code (int,int)int};
 * {@link SignatureParser} reads it.
 */
public final class Signature {

    private final List<TypeName> parameters;
    private final TypeName returnType;

    /**
     * @throws IllegalArgumentException when a parameter is {@code void}
     */
    public Signature(List<TypeName> parameters, TypeName returnType) {
        this.parameters = List.copyOf(parameters);
        this.returnType = Objects.requireNonNull(returnType, "returnType");
        if (this.parameters.contains(TypeName.VOID)) {
            throw new IllegalArgumentException(SignatureParser.VOID_PARAMETER);
        }
    }

    public List<TypeName> parameters() {
        return parameters;
    }

    public TypeName returnType() {
        return returnType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && parameters.equals(s.parameters) && returnType == s.returnType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters, returnType);
    }

    /** {@code (int,int)int}: the canonical form, lowercase, without blanks. */
    @Override
    public String toString() {
        return parameters.stream().map(TypeName::token).collect(Collectors.joining(",", "(", ")"))
                + returnType.token();
    }
}
