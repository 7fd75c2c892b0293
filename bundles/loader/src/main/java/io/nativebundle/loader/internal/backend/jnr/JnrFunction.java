package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.Invoker;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.StringParameters;

/**
 * A function called through jffi: {@link #invoke} packs the checked arguments into a heap
 * invocation buffer; the typed paths call jffi's fast invokers with primitives and allocate
 * nothing (strings: only the returned {@code String}; an argument is encoded into the thread's
 * direct scratch of {@link NativeStrings#PARAMETERS} and passed by address).
 */
final class JnrFunction implements FunctionInvoker {

    private static final Invoker INVOKER = Invoker.getInstance();

    private final NativeSignature signature;
    private final CallContext context;
    private final long address;

    JnrFunction(NativeSignature signature, long address) {
        this.signature = signature;
        this.context = JffiTypes.context(signature);
        this.address = address;
    }

    @Override
    public Object invoke(Object[] arguments) {
        return JffiResults.invoke(context, address, JffiArguments.encode(signature, context, arguments),
                signature.returnType());
    }

    @Override
    public int intIntToInt(int a, int b) {
        return INVOKER.invokeI2(context, address, a, b);
    }

    @Override
    public int intToInt(int a) {
        return INVOKER.invokeI1(context, address, a);
    }

    @Override
    public int toInt() {
        return INVOKER.invokeI0(context, address);
    }

    @Override
    public long longLongToLong(long a, long b) {
        return INVOKER.invokeL2(context, address, a, b);
    }

    @Override
    public void toVoid() {
        INVOKER.invokeI0(context, address);
    }

    @Override
    public int stringToInt(String text) {
        return (int) pointerArgument(text);
    }

    @Override
    public String stringToString(String text) {
        // read before returning: the result may point into the library's own memory
        return NativeStrings.readScratch(pointerArgument(text));
    }

    /** Calls a one-parameter function with {@code text} as a C string; the raw result. */
    private long pointerArgument(String text) {
        if (text == null) {
            return INVOKER.invokeN1(context, address, 0L);
        }
        Long scratch = NativeStrings.PARAMETERS.take(text, 0);
        if (scratch == null) {
            return INVOKER.invokeN1O1(context, address, 0L, StringParameters.oneOff(text), NativeStrings.HEAP,
                    NativeStrings.FIRST);
        }
        try {
            return INVOKER.invokeN1(context, address, scratch);
        } finally {
            NativeStrings.PARAMETERS.release(scratch, 0);
        }
    }
}
