package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.Closure;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.UpcallResults;
import io.nativebundle.loader.internal.backend.UpcallStubs;

/**
 * What C runs when it calls a jffi upcall stub: reads the arguments in the carriers of
 * {@code NativeFunction.invoke}, runs the callback, writes its result. Nothing escapes into C: a
 * refused upcall (generation cut, owning bundle stopped) and a callback that throws or returns a
 * value the type cannot hold both return zero and count an error ({@link UpcallStubs},
 * {@link UpcallResults}).
 */
final class UpcallStub implements Closure {

    private final UpcallStubs<?> stubs;
    private final NativeCallback callback;
    private final NativeSignature signature;
    private final List<NativeType> parameters;
    private final BooleanSupplier ownerRunning;
    /** The counters of the function this stub's callback was passed to. */
    private final UpcallErrors errors;

    UpcallStub(UpcallStubs<?> stubs, NativeCallback callback, NativeSignature signature, BooleanSupplier ownerRunning,
            UpcallErrors errors) {
        this.stubs = stubs;
        this.callback = callback;
        this.signature = signature;
        this.parameters = signature.parameters();
        this.ownerRunning = ownerRunning;
        this.errors = errors;
    }

    @Override
    public void invoke(Closure.Buffer buffer) {
        if (!stubs.admit(callback, signature, ownerRunning, errors)) {
            zero(buffer);
            return;
        }
        try {
            Object[] arguments = new Object[parameters.size()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = read(buffer, i, parameters.get(i));
            }
            write(buffer, callback.invoke(arguments));
        } catch (Throwable t) {
            zero(buffer);
            stubs.failed(signature, t, errors);
        }
    }

    private static Object read(Closure.Buffer buffer, int i, NativeType type) {
        return switch (type) {
            case BYTE -> buffer.getByte(i);
            case UBYTE -> (short) (buffer.getByte(i) & 0xFF);
            case SHORT -> buffer.getShort(i);
            case USHORT -> buffer.getShort(i) & 0xFFFF;
            case INT -> buffer.getInt(i);
            case UINT -> buffer.getInt(i) & 0xFFFF_FFFFL;
            case LONG, ULONG -> buffer.getLong(i);
            case POINTER -> buffer.getAddress(i);
            case FLOAT -> buffer.getFloat(i);
            case DOUBLE -> buffer.getDouble(i);
            case BOOLEAN -> buffer.getInt(i) != 0;
            default -> throw new IllegalStateException("a callback cannot take " + type.token());
        };
    }

    private void write(Closure.Buffer buffer, Object result) {
        switch (signature.returnType()) {
            case VOID -> { }
            case BYTE, UBYTE -> buffer.setByteReturn((byte) UpcallResults.integral(signature, result));
            case SHORT, USHORT -> buffer.setShortReturn((short) UpcallResults.integral(signature, result));
            case INT, UINT, BOOLEAN -> buffer.setIntReturn((int) UpcallResults.integral(signature, result));
            case LONG, ULONG -> buffer.setLongReturn(UpcallResults.integral(signature, result));
            case POINTER -> buffer.setAddressReturn(UpcallResults.integral(signature, result));
            case FLOAT -> buffer.setFloatReturn((float) UpcallResults.floating(signature, result));
            case DOUBLE -> buffer.setDoubleReturn(UpcallResults.floating(signature, result));
            default -> throw new IllegalStateException("a callback cannot return " + signature.returnType().token());
        }
    }

    /** Zero of the return type: what C gets from a refused or failed upcall. */
    private void zero(Closure.Buffer buffer) {
        switch (signature.returnType()) {
            case VOID -> { }
            case BYTE, UBYTE -> buffer.setByteReturn((byte) 0);
            case SHORT, USHORT -> buffer.setShortReturn((short) 0);
            case INT, UINT, BOOLEAN -> buffer.setIntReturn(0);
            case FLOAT -> buffer.setFloatReturn(0f);
            case DOUBLE -> buffer.setDoubleReturn(0d);
            case POINTER -> buffer.setAddressReturn(0L);
            default -> buffer.setLongReturn(0L);
        }
    }
}
