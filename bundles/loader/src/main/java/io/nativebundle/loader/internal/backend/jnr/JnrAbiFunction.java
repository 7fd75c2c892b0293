package io.nativebundle.loader.internal.backend.jnr;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

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
import io.nativebundle.loader.internal.backend.StructBytes;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.ValueCodec;

/**
 * A function whose signature goes beyond the first vocabulary, called through jffi's low-level
 * API (jnr-ffi has no struct by value): a struct by value is handed to libffi as a jffi
 * {@code Struct} type and its bytes ({@code putStruct}), a struct result comes back from
 * {@code invokeStruct}; an {@code out} scalar or struct is zeroed memory of the thread's
 * {@link CallScratch} passed by address and read after the call, an {@code inout} one the same
 * memory with the caller's value written first; an array is a heap array jffi copies in and out;
 * errno is read from jffi's
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
    /** This function\'s {@code callDown}, made once: {@link CallbackErrors#around} takes it on every call. */
    private final CallbackErrors.Downcall down = this::callDown;
    /** The bytes of {@link CallScratch} a call takes for its out and inout values (each 8-aligned); 0 for none. */
    private final int scratchSize;
    /** Where each out or inout value (not an array) is in that memory, by parameter. */
    private final int[] scratchOffsets;
    private final boolean hasArrays;

    JnrAbiFunction(NativeSignature signature, long address, JnrUpcalls upcalls, UpcallErrors callbackErrors) {
        this.signature = signature;
        this.context = JffiTypes.richContext(signature);
        this.address = address;
        this.upcalls = upcalls;
        this.callbackErrors = callbackErrors;
        this.callsBack = signature.parameters().contains(NativeType.CALLBACK);
        List<NativeParameter> parameters = signature.parameterList();
        this.scratchOffsets = new int[parameters.size()];
        int size = 0;
        for (NativeParameter p : parameters) {
            if (!p.isArray() && p.direction() != NativeParameter.Direction.IN) {
                scratchOffsets[p.index()] = size;
                size += (size(p) + 7) & ~7;
            }
        }
        this.scratchSize = size;
        this.hasArrays = parameters.stream().anyMatch(NativeParameter::isArray);
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
        return call(arguments, false);
    }

    /** Passes the struct bytes to jffi as they are, and gives C's back as they are. */
    @Override
    public NativeCallResult callStructBytes(NativeSignature signature, Object[] arguments) {
        return call(arguments, true);
    }

    /** The call; struct results and out values as bytes when {@code structBytes}, as {@code NativeStruct}s otherwise. */
    private NativeCallResult call(Object[] arguments, boolean structBytes) {
        // an exception of a callback is caught in the stub and rethrown here, once C has returned
        return CallbackErrors.around(callsBack, down, arguments, structBytes);
    }

    private NativeCallResult callDown(Object[] arguments, boolean structBytes) {
        if (scratchSize == 0) {
            return callDown(arguments, null, structBytes);
        }
        try (CallScratch scratch = CallScratch.take(scratchSize)) {
            return callDown(arguments, scratch, structBytes);
        }
    }

    private NativeCallResult callDown(Object[] arguments, CallScratch scratch, boolean structBytes) {
        List<NativeParameter> parameters = signature.parameterList();
        HeapInvocationBuffer buffer = new HeapInvocationBuffer(context);
        // the converted copies of arrays whose C elements have another width than Java's
        byte[][] outs = hasArrays ? new byte[parameters.size()][] : null;
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
                        buffer.putStruct(StructBytes.of(arg), 0);
                    } else {
                        JffiArguments.put(buffer, p.type(), arg);
                    }
                }
                // zeroed by take: an out value starts as zeros, an inout one gets the caller's value
                case OUT -> buffer.putAddress(scratch.address(scratchOffsets[i]));
                case INOUT -> {
                    int at = scratch.index(scratchOffsets[i]);
                    if (arg instanceof byte[] bytes) {
                        scratch.memory().put(at, bytes);
                    } else if (p.type() == NativeType.STRUCT) {
                        ValueCodec.encode((NativeStruct) arg, scratch.memory(), at);
                    } else {
                        ValueCodec.encodeScalar(p.type(), arg, scratch.memory(), at);
                    }
                    buffer.putAddress(scratch.address(scratchOffsets[i]));
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
            value = StructBytes.read(signature.returnStructType().orElseThrow(), struct, 0, structBytes);
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
            } else if (p.direction() != NativeParameter.Direction.IN) {
                int at = scratch.index(scratchOffsets[i]);
                outValues = OutValues.with(outValues, p.label(), p.type() != NativeType.STRUCT
                        ? ValueCodec.decodeScalar(p.type(), scratch.memory(), at)
                        : structBytes ? bytes(scratch.memory(), at, size(p))
                        : ValueCodec.decode(p.structType().orElseThrow(), scratch.memory(), at));
            }
        }
        return new NativeCallResult(value, outValues, errno,
                errnoValue == 0 ? java.util.Optional.empty() : ErrnoMessages.of(errnoValue));
    }

    /** A copy of {@code size} bytes of {@code memory} from {@code index}. */
    private static byte[] bytes(ByteBuffer memory, int index, int size) {
        byte[] bytes = new byte[size];
        memory.get(index, bytes);
        return bytes;
    }

    private static int size(NativeParameter p) {
        return p.type() == NativeType.STRUCT ? p.structType().orElseThrow().size() : ValueCodec.size(p.type());
    }
}
