package io.nativebundle.loader.internal.open;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * The invoker of a function whose signature captures errno: the backend's, recording the errno
 * of each call as its generation's {@link LastErrno} on the calling thread. Such a signature is
 * never basic, so only {@link #invoke}, {@link #call} and {@link #callStructBytes} are reached;
 * the typed paths stay the interface's defaults over {@link #invoke}.
 */
final class ErrnoRecordingInvoker implements FunctionInvoker {

    private final FunctionInvoker backend;
    private final LastErrno lastErrno;

    ErrnoRecordingInvoker(FunctionInvoker backend, LastErrno lastErrno) {
        this.backend = backend;
        this.lastErrno = lastErrno;
    }

    @Override
    public Object invoke(Object[] arguments) {
        return call(arguments).value();
    }

    @Override
    public NativeCallResult call(Object[] arguments) {
        return recorded(backend.call(arguments));
    }

    @Override
    public NativeCallResult callStructBytes(NativeSignature signature, Object[] arguments) {
        return recorded(backend.callStructBytes(signature, arguments));
    }

    private NativeCallResult recorded(NativeCallResult result) {
        result.errno().ifPresent(lastErrno::record);
        return result;
    }
}
