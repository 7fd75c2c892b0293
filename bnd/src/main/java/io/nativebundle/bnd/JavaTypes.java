package io.nativebundle.bnd;

import java.util.Optional;
import java.util.Set;

import aQute.bnd.osgi.Descriptors.TypeRef;

import io.nativebundle.contract.Parameter;
import io.nativebundle.contract.TypeName;

/**
 * Reads bnd's {@link TypeRef}s with the contract's mapping of Java types to the signature
 * vocabulary ({@link io.nativebundle.contract.JavaTypes}), which the loader's out-of-process
 * backend uses too, in its C ABI reading (unsigned annotations, arrays, out-parameters).
 * Everything without a mapping (boxed types, structs, callbacks) fails the build instead of the
 * loader guessing at run time.
 */
final class JavaTypes {

    /** Supported Java types, named for messages. */
    static final String SUPPORTED = io.nativebundle.contract.JavaTypes.SUPPORTED_SHAPES;

    private JavaTypes() {
    }

    /**
     * The signature type of a parameter or return type.
     *
     * @param type        the erased Java type
     * @param annotations the fully qualified names of the annotations on the parameter or method
     */
    static Optional<TypeName> map(TypeRef type, Set<String> annotations) {
        return io.nativebundle.contract.JavaTypes.map(type.getFQN(), annotations);
    }

    /**
     * A parameter in the C ABI's vocabulary: unsigned annotations, arrays and by-reference
     * out-parameters with their direction ({@link io.nativebundle.contract.JavaTypes#parameterShape}).
     *
     * @throws IllegalArgumentException for an integer annotation on a too narrow carrier
     */
    static Optional<Parameter> parameter(TypeRef type, Set<String> annotations) {
        return io.nativebundle.contract.JavaTypes.parameterShape(type.getFQN(), annotations);
    }

    /** A result in the C ABI's vocabulary: {@link #map} with the unsigned annotations read. */
    static Optional<TypeName> result(TypeRef type, Set<String> annotations) {
        return io.nativebundle.contract.JavaTypes.resultType(type.getFQN(), annotations);
    }

    /** The type of a global variable accessed through {@code jnr.ffi.Variable<T>}, from {@code T}. */
    static Optional<TypeName> variable(String typeArgument) {
        return io.nativebundle.contract.JavaTypes.variable(typeArgument);
    }
}
