package io.nativebundle.bnd;

import java.util.Optional;
import java.util.Set;

import aQute.bnd.osgi.Descriptors.TypeRef;

import io.nativebundle.contract.TypeName;

/**
 * Reads bnd's {@link TypeRef}s with the contract's mapping of Java types to the signature
 * vocabulary ({@link io.nativebundle.contract.JavaTypes}), which the loader's out-of-process
 * backend uses too. Everything without a mapping (other arrays, boxed types, structs) fails the
 * build instead of the loader guessing at run time.
 */
final class JavaTypes {

    /** Supported Java types, named for messages. */
    static final String SUPPORTED = io.nativebundle.contract.JavaTypes.SUPPORTED;

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

    /** As {@link #map}, and a {@code jnr.ffi.byref} type as {@code pointer}. */
    static Optional<TypeName> parameter(TypeRef type, Set<String> annotations) {
        return io.nativebundle.contract.JavaTypes.parameter(type.getFQN(), annotations);
    }

    /** The type of a global variable accessed through {@code jnr.ffi.Variable<T>}, from {@code T}. */
    static Optional<TypeName> variable(String typeArgument) {
        return io.nativebundle.contract.JavaTypes.variable(typeArgument);
    }
}
