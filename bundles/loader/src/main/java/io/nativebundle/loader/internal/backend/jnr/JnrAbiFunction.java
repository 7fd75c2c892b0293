package io.nativebundle.loader.internal.backend.jnr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.CallContext;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.ArrayCodec;
import io.nativebundle.loader.internal.backend.CallbackErrors;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.OutValues;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.ValueCodec;

/**
 * A function whose signature goes beyond the first vocabulary, called through jffi's low-level
 * API (jnr-ffi has no struct by value): a struct by value is handed to libffi as a jffi
 * {@code Struct} type and its bytes ({@code putStruct}), a struct result comes back from
 * {@code invokeStruct}; an {@code out} parameter is a zeroed heap array copied out after the call
 * ({@code OUT | CLEAR}), an {@code inout} one is copied in and out; errno is read from jffi's
 * {@code LastError} on this thread right after the call. C's rule holds: a function sets errno
 * when it fails and leaves it alone otherwise, so errno means something when the result says the
 * call failed (the runtime does not clear it first: the JVM may set errno itself between a clear
 * and the call, e.g. when it links a native method, so a clear would promise what it cannot keep).
 *
 * <p>The scalar fast paths stay in {@link JnrFunction}; the loader uses this class only for
 * signatures {@link NativeSignature#isBasic()} rejects.
 */
final class JnrAbiFunction implements FunctionInvoker {

    private static final Invoker INVOKER = Invoker.getInstance();
    private static final LastError ERRNO = LastError.getInstance();

    static {
        // load the classes used between the call and reading errno now: loading one on the first call
        // reads jar files and can leave ENOENT in errno, which the call would then seem to report
        try {
            Class.forName(JffiResults.class.getName(), true, JnrAbiFunction.class.getClassLoader());
            Class.forName(NativeStrings.class.getName(), true, JnrAbiFunction.class.getClassLoader());
            Class.forName(NativeCallResult.class.getName(), true, JnrAbiFunction.class.getClassLoader());
            Class.forName(OptionalInt.class.getName(), true, JnrAbiFunction.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NativeSignature signature;
    private final CallContext context;
    private final long address;
    private final JnrUpcalls upcalls;
    /** Where the stubs made for this function's callbacks count their errors. */
    private final UpcallErrors callbackErrors;
    private final boolean callsBack;

    JnrAbiFunction(NativeSignature signature, long address, JnrUpcalls upcalls, UpcallErrors callbackErrors) {
        this.signature = signature;
        this.context = JffiTypes.richContext(signature);
        this.address = address;
        this.upcalls = upcalls;
        this.callbackErrors = callbackErrors;
        this.callsBack = signature.parameters().contains(NativeType.CALLBACK);
    }

    /**
     * The struct layouts of {@code signature} on which libffi and the contract disagree, as a
     * message; empty when they agree. A disagreement would mis-call, so the loader refuses it.
     */
    static String layoutDisagreement(NativeSignature signature) {
        StringBuilder problems = new StringBuilder();
        for (NativeParameter p : signature.parameterList()) {
            p.structType().ifPresent(t -> check(t, problems));
        }
        signature.returnStructType().ifPresent(t -> check(t, problems));
        return problems.toString();
    }

    private static void check(NativeStructType type, StringBuilder problems) {
        com.kenai.jffi.Struct jffi = JffiTypes.of(type);
        if (jffi.size() != type.size() || jffi.alignment() != type.alignment()) {
            problems.append("struct ").append(type.name()).append(" is ").append(type.size()).append(" bytes aligned to ")
                    .append(type.alignment()).append(" by the contract but ").append(jffi.size()).append(" aligned to ")
                    .append(jffi.alignment()).append(" by libffi; ");
        }
    }

    @Override
    public Object invoke(Object[] arguments) {
        return call(arguments).value();
    }

    @Override
    public NativeCallResult call(Object[] arguments) {
        if (!callsBack) {
            return callDown(arguments);
        }
        // an exception of a callback is caught in the stub and rethrown here, once C has returned
        CallbackErrors.Scope scope = CallbackErrors.enter();
        NativeCallResult result;
        try {
            result = callDown(arguments);
        } finally {
            Throwable thrown = scope.exit();
            if (thrown != null) {
                throw CallbackErrors.rethrow(thrown);
            }
        }
        return result;
    }

    private NativeCallResult callDown(Object[] arguments) {
        List<NativeParameter> parameters = signature.parameterList();
        HeapInvocationBuffer buffer = new HeapInvocationBuffer(context);
        byte[][] outs = new byte[parameters.size()][];
        int given = 0;
        for (int i = 0; i < parameters.size(); i++) {
            NativeParameter p = parameters.get(i);
            Object arg = p.takesValue() ? arguments[given++] : null;
            if (p.isArray()) {
                if (arg != null && ArrayCodec.converts(p.type())) {
                    // C's elements have another width than the Java array's: pass a converted copy
                    outs[i] = p.direction() == NativeParameter.Direction.OUT ? ArrayCodec.room(p, arg)
                            : ArrayCodec.encode(p, arg);
                    JffiArrays.put(buffer, outs[i], p.direction());
                } else {
                    JffiArrays.put(buffer, arg, p.direction());
                }
                continue;
            }
            switch (p.direction()) {
                case IN -> {
                    if (p.type() == NativeType.CALLBACK) {
                        buffer.putAddress(arg == null ? 0L
                                : upcalls.address((NativeCallback) arg, p.callbackSignature().orElseThrow(), callbackErrors));
                    } else if (p.type() == NativeType.STRUCT) {
                        buffer.putStruct(ValueCodec.encode((NativeStruct) arg), 0);
                    } else {
                        JffiArguments.put(buffer, p.type(), arg);
                    }
                }
                case OUT -> {
                    outs[i] = new byte[size(p)];
                    buffer.putArray(outs[i], 0, outs[i].length, ArrayFlags.OUT | ArrayFlags.CLEAR);
                }
                case INOUT -> {
                    outs[i] = p.type() == NativeType.STRUCT ? ValueCodec.encode((NativeStruct) arg)
                            : ValueCodec.encodeScalar(p.type(), arg);
                    buffer.putArray(outs[i], 0, outs[i].length, ArrayFlags.IN | ArrayFlags.OUT);
                }
            }
        }
        Object value;
        byte[] struct = null;
        if (signature.returnType() == NativeType.STRUCT) {
            struct = INVOKER.invokeStruct(context, address, buffer);
            value = null;
        } else {
            value = JffiResults.invoke(context, address, buffer, signature.returnType());
        }
        // read first, on this thread: loading a class or opening a file would change it
        int errnoValue = signature.capturesErrno() ? ERRNO.get() : 0;
        OptionalInt errno = signature.capturesErrno() ? OptionalInt.of(errnoValue) : OptionalInt.empty();
        if (struct != null) {
            value = ValueCodec.decode(signature.returnStructType().orElseThrow(), struct, 0);
        }
        Map<String, Object> outValues = OutValues.none();
        given = 0;
        for (int i = 0; i < parameters.size(); i++) {
            NativeParameter p = parameters.get(i);
            Object arg = p.takesValue() ? arguments[given++] : null;
            if (p.isArray()) {
                if (p.returnsValue()) {
                    // jffi copied C's values back into the caller's own array, or into the converted copy
                    if (outs[i] != null) {
                        ArrayCodec.decodeInto(p, outs[i], arg);
                    }
                    outValues = OutValues.with(outValues, p.label(), arg);
                }
            } else if (outs[i] != null) {
                outValues = OutValues.with(outValues, p.label(), p.type() == NativeType.STRUCT
                        ? ValueCodec.decode(p.structType().orElseThrow(), outs[i], 0)
                        : ValueCodec.decodeScalar(p.type(), outs[i]));
            }
        }
        return new NativeCallResult(value, outValues, errno,
                errnoValue == 0 ? java.util.Optional.empty() : ErrnoMessages.of(errnoValue));
    }

    private static int size(NativeParameter p) {
        return p.type() == NativeType.STRUCT ? p.structType().orElseThrow().size() : ValueCodec.size(p.type());
    }
}
