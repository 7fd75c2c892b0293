package io.nativebundle.loader.internal.backend;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/**
 * What a callback may return, for every backend's upcall stub: a {@code Boolean} for
 * {@code boolean}, an integral {@code Number} ({@code Byte}, {@code Short}, {@code Integer},
 * {@code Long}) within the return type's range for the integral types and {@code pointer}, any
 * {@code Number} for {@code float} and {@code double}. Anything else is an error of the callback,
 * thrown here for the stub to count (C gets zero).
 */
public final class UpcallResults {

    private UpcallResults() {
    }

    /**
     * The integral result of a callback of {@code signature} (an integral, {@code pointer} or
     * {@code boolean} return type, 0 or 1 for a {@code boolean}), checked; the stub writes its low bits.
     *
     * @throws IllegalArgumentException naming the callback, what it had to return and what it returned
     */
    public static long integral(NativeSignature signature, Object result) {
        NativeType type = signature.returnType();
        if (type == NativeType.BOOLEAN) {
            if (!(result instanceof Boolean b)) {
                throw wrong(signature, result);
            }
            return b ? 1 : 0;
        }
        return switch (type) {
            case BYTE -> integral(signature, result, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UBYTE -> integral(signature, result, 0, 0xFF);
            case SHORT -> integral(signature, result, Short.MIN_VALUE, Short.MAX_VALUE);
            case USHORT -> integral(signature, result, 0, 0xFFFF);
            case INT -> integral(signature, result, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT -> integral(signature, result, 0, 0xFFFF_FFFFL);
            case LONG, ULONG, POINTER -> integral(signature, result, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> throw new IllegalStateException("a callback cannot return " + type.token() + " as an integer");
        };
    }

    /** The floating-point result of a callback of {@code signature} ({@code float} or {@code double}), checked. */
    public static double floating(NativeSignature signature, Object result) {
        if (!(result instanceof Number n)) {
            throw wrong(signature, result);
        }
        return n.doubleValue();
    }

    private static long integral(NativeSignature signature, Object result, long min, long max) {
        if (!(result instanceof Byte || result instanceof Short || result instanceof Integer || result instanceof Long)) {
            throw wrong(signature, result);
        }
        long v = ((Number) result).longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException("callback " + signature + " returned " + v + ", which is not "
                    + signature.returnType().token() + " (" + min + " to " + max + ")");
        }
        return v;
    }

    private static IllegalArgumentException wrong(NativeSignature signature, Object result) {
        return new IllegalArgumentException("callback " + signature + " must return " + signature.returnType().token()
                + " but returned " + (result == null ? "null" : result.getClass().getSimpleName() + " " + result));
    }
}
