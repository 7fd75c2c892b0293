package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.List;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * A function of a basic signature called through an FFM downcall handle. The typed paths call
 * the handle with primitives ({@code invokeExact}, nothing boxed); {@link #invoke} converts the
 * checked arguments to the handle's carriers. Strings are encoded into the thread's
 * {@link FfmScratch}, freed when the call returns; byte arrays are copied into a confined arena of
 * the call; a direct {@code ByteBuffer} is passed from its position without a copy.
 */
final class FfmFunction implements FunctionInvoker {

    private final NativeSignature signature;
    /** The downcall handle, of the signature's exact carrier types. */
    private final MethodHandle handle;
    /** The same handle taking its arguments as one {@code Object[]} and returning an {@code Object}. */
    private final MethodHandle spread;
    /** Whether a parameter needs memory of the call (a buffer, which may be a {@code byte[]}). */
    private final boolean needsArena;
    /** Whether a parameter is a string, put on the thread's scratch. */
    private final boolean takesString;

    /** Whether the handle is a critical downcall: the function is declared a leaf. */
    private final boolean critical;

    FfmFunction(NativeSignature signature, MethodHandle handle, boolean critical) {
        this.signature = signature;
        this.critical = critical;
        this.handle = handle;
        this.spread = handle.asSpreader(Object[].class, signature.parameters().size())
                .asType(MethodType.methodType(Object.class, Object[].class));
        this.needsArena = signature.parameters().contains(NativeType.BUFFER);
        this.takesString = signature.parameters().contains(NativeType.STRING);
    }

    /** Whether this function is called by a critical downcall (declared a leaf). */
    boolean critical() {
        return critical;
    }

    @Override
    public Object invoke(Object[] arguments) {
        FfmScratch scratch = takesString ? FfmScratch.current() : null;
        long mark = takesString ? scratch.mark() : 0L;
        try {
            if (!needsArena) {
                return result(downcall(spread, carriers(arguments, null, scratch)));
            }
            try (Arena call = Arena.ofConfined()) {
                Object[] carriers = carriers(arguments, call, scratch);
                Object raw = downcall(spread, carriers);
                copyBack(arguments, carriers);
                return result(raw);
            }
        } finally {
            if (takesString) {
                scratch.reset(mark);
            }
        }
    }

    /** Calls a spread downcall handle ({@code Object[]} in, {@code Object} out); FfmAbiFunction's calls too. */
    static Object downcall(MethodHandle spread, Object[] carriers) {
        try {
            return spread.invokeExact(carriers);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // a downcall throws nothing checked; the handle's type says otherwise
            throw new IllegalStateException(t);
        }
    }

    /** The arguments as the handle takes them: its exact boxed carriers, memory for strings and buffers. */
    private Object[] carriers(Object[] arguments, Arena call, FfmScratch scratch) {
        List<NativeType> types = signature.parameters();
        Object[] carriers = new Object[arguments.length];
        for (int i = 0; i < carriers.length; i++) {
            Object arg = arguments[i];
            carriers[i] = switch (types.get(i)) {
                case STRING -> scratch.put((String) arg);
                case BUFFER -> buffer(arg, call);
                default -> FfmTypes.carrier(types.get(i), arg);
            };
        }
        return carriers;
    }

    static MemorySegment buffer(Object arg, Arena call) {
        if (arg == null) {
            return MemorySegment.NULL;
        }
        if (arg instanceof byte[] bytes) {
            // copied in before and back out after the call: the C side may read and write it
            return call.allocate(Math.max(bytes.length, 1)).copyFrom(MemorySegment.ofArray(bytes));
        }
        // the caller fences the arguments, so the buffer outlives the call; the segment starts at its position
        return MemorySegment.ofBuffer((ByteBuffer) arg);
    }

    private void copyBack(Object[] arguments, Object[] carriers) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof byte[] bytes && signature.parameters().get(i) == NativeType.BUFFER) {
                MemorySegment.copy((MemorySegment) carriers[i], ValueLayout.JAVA_BYTE, 0, bytes, 0, bytes.length);
            }
        }
    }

    /** {@link FunctionInvoker#invoke}'s boxing of the handle's result. */
    private Object result(Object raw) {
        return FfmTypes.box(signature.returnType(), raw);
    }

    @Override
    public int intIntToInt(int a, int b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int intToInt(int a) {
        try {
            return (int) handle.invokeExact(a);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int toInt() {
        try {
            return (int) handle.invokeExact();
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long longLongToLong(long a, long b) {
        try {
            return (long) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public void toVoid() {
        try {
            handle.invokeExact();
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int stringToInt(String text) {
        FfmScratch scratch = FfmScratch.current();
        long mark = scratch.mark();
        try {
            return (int) handle.invokeExact(scratch.put(text));
        } catch (Throwable t) {
            throw unchecked(t);
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    public String stringToString(String text) {
        FfmScratch scratch = FfmScratch.current();
        long mark = scratch.mark();
        try {
            // read before the reset: the result may point into the argument (or the library's memory)
            return FfmStrings.read((MemorySegment) handle.invokeExact(scratch.put(text)));
        } catch (Throwable t) {
            throw unchecked(t);
        } finally {
            scratch.reset(mark);
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
