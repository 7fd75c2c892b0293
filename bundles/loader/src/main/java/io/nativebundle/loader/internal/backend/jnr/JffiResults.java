package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;

import io.nativebundle.api.NativeType;

/** Calls through jffi's general invoker and boxes the result by the declared return type. */
final class JffiResults {

    private static final Invoker INVOKER = Invoker.getInstance();

    private JffiResults() {
    }

    /**
     * @return the boxed result: {@code null} for {@code void}, an unsigned type by its carrier
     *         (zero-extended: {@code ubyte} a {@code Short}, {@code ushort} an {@code Integer},
     *         {@code uint} a {@code Long}, {@code ulong} a {@code Long} of its bits), a {@code Boolean} for
     *         {@code boolean}, a {@code Long} address for {@code pointer} and {@code buffer}, a
     *         {@code String} (or {@code null} for a null pointer) for {@code string}
     */
    static Object invoke(CallContext context, long function, HeapInvocationBuffer arguments, NativeType returnType) {
        switch (returnType) {
            case VOID:
                INVOKER.invokeInt(context, function, arguments);
                return null;
            case BYTE:
                return (byte) INVOKER.invokeInt(context, function, arguments);
            case SHORT:
                return (short) INVOKER.invokeInt(context, function, arguments);
            case INT:
                return INVOKER.invokeInt(context, function, arguments);
            case BOOLEAN:
                return INVOKER.invokeInt(context, function, arguments) != 0;
            case LONG:
            case ULONG:
                return INVOKER.invokeLong(context, function, arguments);
            case UBYTE:
                return (short) (INVOKER.invokeInt(context, function, arguments) & 0xFF);
            case USHORT:
                return INVOKER.invokeInt(context, function, arguments) & 0xFFFF;
            case UINT:
                return INVOKER.invokeInt(context, function, arguments) & 0xFFFF_FFFFL;
            case FLOAT:
                return INVOKER.invokeFloat(context, function, arguments);
            case DOUBLE:
                return INVOKER.invokeDouble(context, function, arguments);
            case POINTER:
            case BUFFER:
                return INVOKER.invokeAddress(context, function, arguments);
            case STRING:
                // read while the caller still holds the library: the string may live in its data
                return NativeStrings.read(INVOKER.invokeAddress(context, function, arguments));
            default:
                throw new IllegalStateException("no result conversion for " + returnType);
        }
    }
}
