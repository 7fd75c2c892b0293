package io.nativebundle.loader.internal.backend.ffm;

import java.util.Map;
import java.util.OptionalInt;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * A function that captures errno, called through FFM: the {@link FfmFunction} of its capturing
 * handle ({@link FfmErrno#capturing}) does the call, and {@link #call} adds the errno it saved,
 * as the jnr backend's {@code NativeCallResult} has it: always present, the C library's text
 * when it is not 0. C's rule holds here too: errno means something when the result says the
 * call failed; the runtime does not clear it first.
 */
final class FfmErrnoFunction implements FunctionInvoker {

    private final FfmFunction function;

    FfmErrnoFunction(FfmFunction function) {
        this.function = function;
    }

    @Override
    public Object invoke(Object[] arguments) {
        return function.invoke(arguments);
    }

    @Override
    public NativeCallResult call(Object[] arguments) {
        Object value = function.invoke(arguments);
        int errno = FfmErrno.last();
        return new NativeCallResult(value, Map.of(), OptionalInt.of(errno), FfmErrno.message(errno));
    }
}
