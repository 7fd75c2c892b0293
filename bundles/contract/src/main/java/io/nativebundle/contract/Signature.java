package io.nativebundle.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed function signature: parameters, return type and whether errno is captured. Written
 * {@code (int,int)int}, {@code (double x,out int exp)double},
 * {@code (int,int)div_t{quot:int,rem:int}} or {@code (string,pointer,int)ulong errno};
 * {@link SignatureParser} reads it.
 */
public final class Signature {

    private final List<Parameter> parameters;
    private final TypeName returnType;
    private final StructLayout returnStruct;
    private final boolean errno;
    /** The number of fixed parameters of a variadic declaration, or -1. */
    private final int fixedCount;

    /**
     * A signature of unnamed parameters passed by value, without errno capture.
     *
     * @throws IllegalArgumentException when a parameter is {@code void}
     */
    public Signature(List<TypeName> parameters, TypeName returnType) {
        this(parameters.stream().map(Parameter::of).toList(), returnType, null, false);
    }

    /**
     * @param returnStruct the layout of a struct returned by value, else {@code null}
     * @throws IllegalArgumentException when a parameter is {@code void}, or the return type is a
     *                                  struct without its layout
     */
    public Signature(List<Parameter> parameters, TypeName returnType, StructLayout returnStruct, boolean errno) {
        this(parameters, returnType, returnStruct, errno, -1);
    }

    /**
     * @param fixedCount for a declaration of a variadic function, how many parameters are fixed
     *                   (those after them are the promoted variadic arguments); -1 for none
     * @throws IllegalArgumentException as above, or for a fixed count out of range
     */
    public Signature(List<Parameter> parameters, TypeName returnType, StructLayout returnStruct, boolean errno,
                     int fixedCount) {
        this.fixedCount = fixedCount;
        if (fixedCount < -1 || fixedCount == 0 || fixedCount > parameters.size()) {
            throw new IllegalArgumentException("a variadic function has 1 to " + parameters.size()
                    + " fixed parameters, not " + fixedCount);
        }
        this.parameters = List.copyOf(parameters);
        this.returnType = Objects.requireNonNull(returnType, "returnType");
        this.returnStruct = returnStruct;
        this.errno = errno;
        if (this.parameters.stream().anyMatch(p -> p.type() == TypeName.VOID)) {
            throw new IllegalArgumentException(SignatureParser.VOID_PARAMETER);
        }
        if ((returnType == TypeName.STRUCT) != (returnStruct != null)) {
            throw new IllegalArgumentException("a struct return type needs its layout, and only it");
        }
    }

    /** The parameter types, in order ({@link TypeName#STRUCT} for a struct). */
    public List<TypeName> parameters() {
        return parameters.stream().map(Parameter::type).toList();
    }

    /** The parameters with how each is passed and its name. */
    public List<Parameter> parameterList() {
        return parameters;
    }

    public TypeName returnType() {
        return returnType;
    }

    /** The layout of a struct returned by value. */
    public Optional<StructLayout> returnLayout() {
        return Optional.ofNullable(returnStruct);
    }

    /** Whether the call captures errno ({@code errno} after the return type). */
    public boolean capturesErrno() {
        return errno;
    }

    /**
     * For a declaration of a variadic function ({@code (string fmt, ..., int, double)int}), the
     * number of fixed parameters; -1 when the function is not variadic.
     */
    public int fixedCount() {
        return fixedCount;
    }

    /**
     * Whether this signature uses only what every backend carries: the first vocabulary's
     * scalars, by value, unnamed, without errno.
     */
    public boolean isBasic() {
        return !errno && fixedCount < 0 && returnType.isBasic()
                && parameters.stream().allMatch(p -> p.direction() == Parameter.Direction.IN && !p.array()
                        && p.type().isBasic());
    }

    /** The first type a basic backend cannot carry, for a refusal: {@code out int}, {@code div_t}, {@code uint}. */
    public Optional<String> firstNonBasic() {
        for (Parameter p : parameters) {
            if (p.direction() != Parameter.Direction.IN || p.array() || !p.type().isBasic()) {
                return Optional.of(p.callback() != null ? p.callback().name() : p.toString());
            }
        }
        if (!returnType.isBasic()) {
            return Optional.of(returnStruct != null ? returnStruct.name() : returnType.token());
        }
        if (fixedCount >= 0) {
            return Optional.of("...");
        }
        return errno ? Optional.of("errno") : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** {@code (int,int)int}: the canonical form, lowercase, without blanks but between a type and its name. */
    @Override
    public String toString() {
        List<String> written = new java.util.ArrayList<>(parameters.stream().map(Parameter::toString).toList());
        if (fixedCount >= 0) {
            written.add(fixedCount, "...");
        }
        return written.stream().collect(Collectors.joining(",", "(", ")"))
                + (returnStruct != null ? returnStruct.toString() : returnType.token()) + (errno ? " errno" : "");
    }
}
