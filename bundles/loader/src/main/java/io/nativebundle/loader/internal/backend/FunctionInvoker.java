package io.nativebundle.loader.internal.backend;

import java.util.Map;
import java.util.OptionalInt;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeSignature;

/**
 * Calls one exported function of a {@link BackendLibrary}. The loader's guard around it takes
 * care of the lease, the metrics and the argument checks; an invoker only encodes, calls and
 * decodes.
 *
 * <p>{@link #invoke} is the general path. The typed methods are the fast paths behind the typed
 * views of {@code NativeFunction} ({@code asIntBinaryOperator()} and its siblings); the loader
 * calls one only when the function's signature is the one in its name, e.g.
 * {@link #intIntToInt} for {@code (int,int)int}. Their defaults box through {@link #invoke}, so
 * a backend works without them and overrides those it can make allocation-free.
 */
public interface FunctionInvoker {

    /**
     * Calls the function with arguments the loader already checked against the signature:
     * one per parameter; for an integral or floating parameter a {@code Number} whose value
     * fits the type, for {@code boolean} a {@code Boolean}, for {@code string} a {@code String}
     * or {@code null}, for {@code buffer} a {@code byte[]} (copied in and back out), a direct
     * {@code ByteBuffer} (passed from its position) or {@code null}. The caller keeps the
     * arguments reachable until the call returned.
     *
     * @return the result boxed by the declared return type: {@code null} for {@code void}, a
     *         {@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code Float} or
     *         {@code Double}, a {@code Boolean} for {@code boolean}, a {@code Long} address for
     *         {@code pointer} and {@code buffer}, a {@code String} (or {@code null} for a null
     *         pointer) for {@code string}, read before the call returns
     */
    Object invoke(Object[] arguments);

    /**
     * Calls a function of any signature the backend accepted in {@code BackendLibrary.function}:
     * one argument per parameter the caller passes (all but the {@code out} ones), checked like
     * {@link #invoke}'s, a {@code NativeStruct} of the parameter's layout for a struct, an
     * unsigned value by its carrier, within range.
     *
     * <p>The default serves the first vocabulary only (no out values, no errno); a backend that
     * does not override it must refuse every other signature when the function is bound, which
     * is what the host backend does.
     *
     * @return the result ({@link #invoke}'s boxing, a {@code NativeStruct} for a struct), the out
     *         values by label in parameter order, errno when the signature captures it
     */
    default NativeCallResult call(Object[] arguments) {
        return new NativeCallResult(invoke(arguments), Map.of(), OptionalInt.empty());
    }

    /**
     * As {@link #call}, with each struct that is not an array element as its bytes
     * ({@link StructBytes}): a struct argument a {@code byte[]} of its layout's size, which the
     * invoker only reads, a struct result and a struct out value a {@code byte[]} of theirs. The
     * routed methods of typed interfaces call this: their structs are bytes already (jnr-ffi
     * {@code Struct}s), and a {@code NativeStruct} between them and C's bytes would be decoded only
     * to be encoded again.
     *
     * <p>The default decodes the arguments into {@code NativeStruct}s and encodes what {@link #call}
     * returns; a backend that writes structs as bytes anyway passes them as they are.
     *
     * @param signature the signature this invoker was made for
     */
    default NativeCallResult callStructBytes(NativeSignature signature, Object[] arguments) {
        return StructBytes.viaNativeStructs(this, signature, arguments);
    }

    /** {@code (int,int)int}. */
    default int intIntToInt(int a, int b) {
        return (Integer) invoke(new Object[] {a, b});
    }

    /** {@code (int)int}. */
    default int intToInt(int a) {
        return (Integer) invoke(new Object[] {a});
    }

    /** {@code ()int}. */
    default int toInt() {
        return (Integer) invoke(new Object[0]);
    }

    /** {@code (long,long)long}. */
    default long longLongToLong(long a, long b) {
        return (Long) invoke(new Object[] {a, b});
    }

    /** {@code ()void}. */
    default void toVoid() {
        invoke(new Object[0]);
    }

    /** {@code (string)int}; {@code text} may be null. */
    default int stringToInt(String text) {
        return (Integer) invoke(new Object[] {text});
    }

    /** {@code (string)string}; {@code text} and the result may be null. */
    default String stringToString(String text) {
        return (String) invoke(new Object[] {text});
    }
}
