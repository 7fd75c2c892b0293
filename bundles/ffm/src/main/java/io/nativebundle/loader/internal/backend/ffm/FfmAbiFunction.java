package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.ArrayCodec;
import io.nativebundle.loader.internal.backend.CallbackErrors;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.OutValues;
import io.nativebundle.loader.internal.backend.StructBytes;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.ValueCodec;

/**
 * A function whose signature goes beyond the first vocabulary, called through one FFM downcall
 * handle, with the jnr backend's semantics (docs/c-abi.md): a struct by value is a group layout
 * ({@link FfmStructs}) passed and returned by value; an {@code out} scalar or struct is zeroed
 * memory whose pointer C gets and whose value comes back in the out values, an {@code inout} one a
 * copy of the caller's value; an array is a copy that lives for the call, copied in for {@code in},
 * zeroed and copied back into the caller's array for {@code out}, both for {@code inout}; a callback
 * is the generation's upcall stub ({@link FfmUpcalls}); errno is saved by the downcall itself
 * ({@link FfmErrno}); a variadic declaration is linked with {@code Linker.Option.firstVariadicArg}.
 *
 * <p>The fixed-size memory of a call (out and inout values, structs by value, a struct result) and
 * its strings are on the thread's {@link FfmScratch}, taken from its mark and given back when the
 * call returns, however it returns; only the copies of arrays and byte buffers, whose sizes are the
 * caller's, take a confined arena of the call. Opening and closing an arena costs about as much as
 * the downcall (performance.md), the scratch nothing. Nothing is shared between calls or threads,
 * and a call made from a callback inside another gets memory above the outer call's. Values are written and
 * read by the backend-neutral {@link ValueCodec} and {@link ArrayCodec}, so memory holds exactly
 * what the jnr backend writes.
 */
final class FfmAbiFunction implements FunctionInvoker {

    private static final Linker LINKER = Linker.nativeLinker();

    private final NativeSignature signature;
    private final List<NativeParameter> parameters;
    /** The downcall taking all its arguments as one {@code Object[]}: the allocator of a struct result first. */
    private final MethodHandle spread;
    private final int arity;
    private final boolean returnsStruct;
    /** Whether a parameter is an array or a buffer, whose copies take a confined arena per call. */
    private final boolean copiesArrays;
    private final boolean callsBack;
    /** This function\'s {@code callDown}, made once: {@link CallbackErrors#around} takes it on every call. */
    private final CallbackErrors.Downcall down = this::callDown;
    private final FfmUpcalls upcalls;
    /** Where the stubs made for this function's callbacks count their errors. */
    private final UpcallErrors callbackErrors;

    private FfmAbiFunction(NativeSignature signature, MethodHandle downcall, FfmUpcalls upcalls,
                           UpcallErrors callbackErrors) {
        this.signature = signature;
        this.parameters = signature.parameterList();
        this.arity = downcall.type().parameterCount();
        this.spread = downcall.asSpreader(Object[].class, arity).asType(MethodType.methodType(Object.class, Object[].class));
        this.returnsStruct = signature.returnType() == NativeType.STRUCT;
        this.copiesArrays = parameters.stream().anyMatch(p -> p.isArray() || p.type() == NativeType.BUFFER);
        this.callsBack = signature.parameters().contains(NativeType.CALLBACK);
        this.upcalls = upcalls;
        this.callbackErrors = callbackErrors;
    }

    /**
     * The function at {@code target} with {@code signature}; a {@code leaf} (never calls back, the
     * contract checked) that does not capture errno is a critical downcall.
     *
     * @throws IllegalArgumentException when a struct's layout in FFM disagrees with the contract's, naming it
     */
    static FfmAbiFunction of(MemorySegment target, NativeSignature signature, FfmUpcalls upcalls,
                             UpcallErrors callbackErrors, boolean leaf) {
        List<Linker.Option> options = new ArrayList<>();
        signature.fixedParameterCount().ifPresent(n -> options.add(Linker.Option.firstVariadicArg(n)));
        if (signature.capturesErrno()) {
            options.add(FfmErrno.option());
        } else if (leaf) {
            options.add(Linker.Option.critical(false));
        }
        MethodHandle downcall = LINKER.downcallHandle(target, descriptor(signature), options.toArray(Linker.Option[]::new));
        if (signature.capturesErrno()) {
            downcall = FfmErrno.capturing(downcall, signature.returnType() == NativeType.STRUCT ? 1 : 0);
        }
        return new FfmAbiFunction(signature, downcall, upcalls, callbackErrors);
    }

    /** How C gets each parameter: a pointer for an array, an {@code out}/{@code inout} one and a callback. */
    static FunctionDescriptor descriptor(NativeSignature signature) {
        List<MemoryLayout> layouts = new ArrayList<>();
        for (NativeParameter p : signature.parameterList()) {
            if (p.isArray() || p.direction() != NativeParameter.Direction.IN || p.type() == NativeType.CALLBACK) {
                layouts.add(ValueLayout.ADDRESS);
            } else if (p.type() == NativeType.STRUCT) {
                layouts.add(FfmStructs.layout(p.structType().orElseThrow()));
            } else {
                layouts.add(FfmTypes.layout(p.type()));
            }
        }
        MemoryLayout[] args = layouts.toArray(MemoryLayout[]::new);
        return switch (signature.returnType()) {
            case VOID -> FunctionDescriptor.ofVoid(args);
            case STRUCT -> FunctionDescriptor.of(FfmStructs.layout(signature.returnStructType().orElseThrow()), args);
            default -> FunctionDescriptor.of(FfmTypes.layout(signature.returnType()), args);
        };
    }

    @Override
    public Object invoke(Object[] arguments) {
        return call(arguments).value();
    }

    @Override
    public NativeCallResult call(Object[] arguments) {
        return call(arguments, false);
    }

    /** Copies the struct bytes into the call's memory as they are, and gives C's back as they are. */
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
        FfmScratch scratch = FfmScratch.current();
        long mark = scratch.mark();
        // arrays and byte[] buffers have the caller's sizes: a confined arena of the call holds their copies
        Arena call = copiesArrays ? Arena.ofConfined() : null;
        try {
            SegmentAllocator fixed = call != null ? call : scratch;
            Object[] carriers = new Object[arity];
            int at = 0;
            if (returnsStruct) {
                carriers[at++] = fixed;
            }
            MemorySegment[] memory = new MemorySegment[parameters.size()];
            int given = 0;
            for (int i = 0; i < parameters.size(); i++) {
                NativeParameter p = parameters.get(i);
                Object arg = p.takesValue() ? arguments[given++] : null;
                carriers[at++] = argument(p, arg, fixed, call, scratch, memory, i);
            }
            Object raw = FfmFunction.downcall(spread, carriers);
            // read first: nothing between the call and here may run native code that sets errno
            int errno = signature.capturesErrno() ? FfmErrno.last() : 0;
            Object value = returnsStruct
                    ? StructBytes.read(signature.returnStructType().orElseThrow(),
                            ((MemorySegment) raw).toArray(ValueLayout.JAVA_BYTE), 0, structBytes)
                    : FfmTypes.box(signature.returnType(), raw);
            Map<String, Object> outValues = outValues(arguments, memory, structBytes);
            return new NativeCallResult(value, outValues,
                    signature.capturesErrno() ? OptionalInt.of(errno) : OptionalInt.empty(), FfmErrno.message(errno));
        } finally {
            if (call != null) {
                call.close();
            }
            scratch.reset(mark);
        }
    }

    /**
     * The carrier of one parameter; memory C writes into (or that must be copied back) goes to
     * {@code memory[i]}. Fixed-size memory comes from {@code fixed}, array copies from {@code call}.
     */
    private Object argument(NativeParameter p, Object arg, SegmentAllocator fixed, Arena call, FfmScratch scratch,
                            MemorySegment[] memory, int i) {
        if (p.isArray()) {
            if (arg == null) {
                return MemorySegment.NULL;
            }
            memory[i] = array(p, arg, call);
            return memory[i];
        }
        switch (p.direction()) {
            case OUT -> {
                memory[i] = zeroed(fixed, size(p));
                return memory[i];
            }
            case INOUT -> {
                memory[i] = copyOf(fixed, p.type() == NativeType.STRUCT ? StructBytes.of(arg)
                        : ValueCodec.encodeScalar(p.type(), arg));
                return memory[i];
            }
            default -> {
                return switch (p.type()) {
                    case CALLBACK -> arg == null ? MemorySegment.NULL : MemorySegment.ofAddress(
                            upcalls.address((NativeCallback) arg, p.callbackSignature().orElseThrow(), callbackErrors));
                    // passed by value: FFM copies the struct's bytes from this memory into the call
                    case STRUCT -> copyOf(fixed, StructBytes.of(arg));
                    case STRING -> scratch.put((String) arg);
                    case BUFFER -> {
                        MemorySegment buffer = FfmFunction.buffer(arg, call);
                        if (arg instanceof byte[]) {
                            memory[i] = buffer;
                        }
                        yield buffer;
                    }
                    default -> FfmTypes.carrier(p.type(), arg);
                };
            }
        }
    }

    /** A native copy of a Java array for the call: C's element width, zeroed for {@code out}. */
    private static MemorySegment array(NativeParameter p, Object array, Arena call) {
        if (ArrayCodec.converts(p.type())) {
            // C's elements have another width than the Java array's: a converted copy
            return p.direction() == NativeParameter.Direction.OUT ? zeroed(call, ArrayCodec.room(p, array).length)
                    : copyOf(call, ArrayCodec.encode(p, array));
        }
        MemorySegment heap = heap(array);
        MemorySegment copy = zeroed(call, heap.byteSize());
        if (p.direction() != NativeParameter.Direction.OUT) {
            MemorySegment.copy(heap, 0, copy, 0, heap.byteSize());
        }
        return copy;
    }

    /**
     * What C left in the out and inout parameters, by label in parameter order (structs as bytes
     * when {@code structBytes}); byte buffers copied back.
     */
    private Map<String, Object> outValues(Object[] arguments, MemorySegment[] memory, boolean structBytes) {
        Map<String, Object> outValues = OutValues.none();
        int given = 0;
        for (int i = 0; i < parameters.size(); i++) {
            NativeParameter p = parameters.get(i);
            Object arg = p.takesValue() ? arguments[given++] : null;
            if (p.isArray()) {
                if (p.returnsValue()) {
                    if (memory[i] != null) {
                        copyBack(p, memory[i], arg);
                    }
                    outValues = OutValues.with(outValues, p.label(), arg);
                }
            } else if (p.type() == NativeType.BUFFER) {
                if (memory[i] != null) {
                    // a byte[] buffer: C may have written it, as FfmFunction copies it back
                    byte[] bytes = (byte[]) arg;
                    MemorySegment.copy(memory[i], ValueLayout.JAVA_BYTE, 0, bytes, 0, bytes.length);
                }
            } else if (memory[i] != null) {
                byte[] bytes = memory[i].toArray(ValueLayout.JAVA_BYTE);
                outValues = OutValues.with(outValues, p.label(), p.type() == NativeType.STRUCT
                        ? StructBytes.read(p.structType().orElseThrow(), bytes, 0, structBytes)
                        : ValueCodec.decodeScalar(p.type(), bytes));
            }
        }
        return outValues;
    }

    private static void copyBack(NativeParameter p, MemorySegment copy, Object array) {
        if (ArrayCodec.converts(p.type())) {
            ArrayCodec.decodeInto(p, copy.toArray(ValueLayout.JAVA_BYTE), array);
        } else {
            MemorySegment heap = heap(array);
            MemorySegment.copy(copy, 0, heap, 0, heap.byteSize());
        }
    }

    /** A Java primitive array of a parameter type as a heap segment, to copy from and into. */
    private static MemorySegment heap(Object array) {
        return switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException("not an array of a parameter type: "
                    + array.getClass().getName());
        };
    }

    private static int size(NativeParameter p) {
        return p.type() == NativeType.STRUCT ? p.structType().orElseThrow().size() : ValueCodec.size(p.type());
    }

    /**
     * Zeroed memory of the call, at least one byte (so an empty array is a valid pointer, not null),
     * aligned for any scalar.
     */
    private static MemorySegment zeroed(SegmentAllocator memoryOfCall, long size) {
        MemorySegment memory = memoryOfCall.allocate(Math.max(size, 1L), 8);
        memory.fill((byte) 0);
        return memory;
    }

    private static MemorySegment copyOf(SegmentAllocator memoryOfCall, byte[] bytes) {
        MemorySegment memory = zeroed(memoryOfCall, bytes.length);
        MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return memory;
    }

    @Override
    public String toString() {
        return "ffm function " + signature;
    }
}
