package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.Closure;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.UpcallErrors;

/**
 * What C runs when it calls an upcall stub: reads the arguments in the carriers of
 * {@code NativeFunction.invoke}, runs the callback, writes its result. Nothing escapes into C: a
 * refused upcall (generation cut, owning bundle stopped) and a callback that throws or returns a
 * value the type cannot hold both return zero and count an error ({@link JnrUpcalls}).
 */
final class UpcallStub implements Closure {

    private final JnrUpcalls upcalls;
    private final NativeCallback callback;
    private final NativeSignature signature;
    private final List<NativeType> parameters;
    private final BooleanSupplier ownerRunning;
    /** The counters of the function this stub's callback was passed to. */
    private final UpcallErrors errors;

    UpcallStub(JnrUpcalls upcalls, NativeCallback callback, NativeSignature signature, BooleanSupplier ownerRunning,
            UpcallErrors errors) {
        this.upcalls = upcalls;
        this.callback = callback;
        this.signature = signature;
        this.parameters = signature.parameters();
        this.ownerRunning = ownerRunning;
        this.errors = errors;
    }

    @Override
    public void invoke(Closure.Buffer buffer) {
        if (upcalls.isCut()) {
            zero(buffer);
            errors.refused();
            upcalls.refused(signature, "its library generation was unloaded");
            return;
        }
        if (!ownerRunning.getAsBoolean()) {
            zero(buffer);
            errors.stale();
            upcalls.refused(signature, "the bundle that supplied it (" + callback.getClass().getName() + ") stopped");
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
            errors.exception();
            upcalls.failed(signature, t);
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
        NativeType type = signature.returnType();
        if (type == NativeType.VOID) {
            return;
        }
        if (type == NativeType.BOOLEAN) {
            if (!(result instanceof Boolean b)) {
                throw wrong(result);
            }
            buffer.setIntReturn(b ? 1 : 0);
            return;
        }
        if (!(result instanceof Number n)) {
            throw wrong(result);
        }
        switch (type) {
            case BYTE -> buffer.setByteReturn((byte) integral(n, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UBYTE -> buffer.setByteReturn((byte) integral(n, 0, 0xFF));
            case SHORT -> buffer.setShortReturn((short) integral(n, Short.MIN_VALUE, Short.MAX_VALUE));
            case USHORT -> buffer.setShortReturn((short) integral(n, 0, 0xFFFF));
            case INT -> buffer.setIntReturn((int) integral(n, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT -> buffer.setIntReturn((int) integral(n, 0, 0xFFFF_FFFFL));
            case LONG, ULONG -> buffer.setLongReturn(integral(n, Long.MIN_VALUE, Long.MAX_VALUE));
            case POINTER -> buffer.setAddressReturn(integral(n, Long.MIN_VALUE, Long.MAX_VALUE));
            case FLOAT -> buffer.setFloatReturn(n.floatValue());
            case DOUBLE -> buffer.setDoubleReturn(n.doubleValue());
            default -> throw new IllegalStateException("a callback cannot return " + type.token());
        }
    }

    private long integral(Number n, long min, long max) {
        if (!(n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long)) {
            throw wrong(n);
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException("callback " + signature + " returned " + v + ", which is not "
                    + signature.returnType().token() + " (" + min + " to " + max + ")");
        }
        return v;
    }

    private IllegalArgumentException wrong(Object result) {
        return new IllegalArgumentException("callback " + signature + " must return " + signature.returnType().token()
                + " but returned " + (result == null ? "null" : result.getClass().getSimpleName() + " " + result));
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
