package io.nativebundle.loader.internal.backend.jnr;

import java.nio.ByteBuffer;
import java.util.List;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.CallContext;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.MemoryIO;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/**
 * Packs arguments the loader already checked against the signature into jffi's heap invocation
 * buffer: numbers by their parameter type, a {@code boolean} as a C int, a string as
 * NUL-terminated UTF-8 copied in, a {@code byte[]} copied in and back out, a direct
 * {@code ByteBuffer} by its address from its position.
 */
final class JffiArguments {

    private static final MemoryIO IO = MemoryIO.getInstance();

    private JffiArguments() {
    }

    static HeapInvocationBuffer encode(NativeSignature signature, CallContext context, Object[] args) {
        List<NativeType> parameters = signature.parameters();
        HeapInvocationBuffer buffer = new HeapInvocationBuffer(context);
        for (int i = 0; i < parameters.size(); i++) {
            put(buffer, parameters.get(i), args[i]);
        }
        return buffer;
    }

    static void put(HeapInvocationBuffer buffer, NativeType type, Object arg) {
        switch (type) {
            case BYTE, UBYTE -> buffer.putByte(((Number) arg).intValue());
            case SHORT, USHORT -> buffer.putShort(((Number) arg).intValue());
            case INT -> buffer.putInt(((Number) arg).intValue());
            // the low 32 bits of a value the loader checked to be 0..4294967295
            case UINT -> buffer.putInt((int) ((Number) arg).longValue());
            case LONG, ULONG -> buffer.putLong(((Number) arg).longValue());
            case POINTER -> buffer.putAddress(((Number) arg).longValue());
            case FLOAT -> buffer.putFloat(((Number) arg).floatValue());
            case DOUBLE -> buffer.putDouble(((Number) arg).doubleValue());
            case BOOLEAN -> buffer.putInt((Boolean) arg ? 1 : 0);
            case STRING -> {
                if (arg == null) {
                    buffer.putAddress(0L);
                } else {
                    byte[] utf8 = NativeStrings.utf8((String) arg);
                    buffer.putArray(utf8, 0, utf8.length, ArrayFlags.IN | ArrayFlags.NULTERMINATE);
                }
            }
            case BUFFER -> putBuffer(buffer, arg);
            default -> throw new IllegalArgumentException("a parameter of type " + type.token() + " cannot be passed");
        }
    }

    private static void putBuffer(HeapInvocationBuffer buffer, Object arg) {
        if (arg == null) {
            buffer.putAddress(0L);
        } else if (arg instanceof byte[] bytes) {
            // copied in before and back out after the call: the C side may read and write it
            buffer.putArray(bytes, 0, bytes.length, ArrayFlags.IN | ArrayFlags.OUT);
        } else {
            ByteBuffer direct = (ByteBuffer) arg;
            // the caller fences the arguments, so the buffer outlives the call
            buffer.putAddress(IO.getDirectBufferAddress(direct) + direct.position());
        }
    }
}
