package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/**
 * The memory layout FFM passes each scalar {@link NativeType} as: the C type the contract names
 * (an unsigned type as the signed layout of its width: FFM has no unsigned layouts, the bits are
 * the same), a C {@code int} for {@code boolean}, an address for {@code pointer}, {@code string}
 * and {@code buffer}; and the conversions between the API's carriers and the Java types of those
 * layouts, one rule for downcall arguments and results and upcall arguments and results alike.
 */
final class FfmTypes {

    private FfmTypes() {
    }

    /** The downcall descriptor of a basic signature. */
    static FunctionDescriptor descriptor(NativeSignature signature) {
        List<NativeType> parameters = signature.parameters();
        MemoryLayout[] layouts = new MemoryLayout[parameters.size()];
        for (int i = 0; i < layouts.length; i++) {
            layouts[i] = layout(parameters.get(i));
        }
        return signature.returnType() == NativeType.VOID ? FunctionDescriptor.ofVoid(layouts)
                : FunctionDescriptor.of(layout(signature.returnType()), layouts);
    }

    /** The layout of one scalar, non-void type. */
    static ValueLayout layout(NativeType type) {
        return switch (type) {
            case BYTE, UBYTE -> ValueLayout.JAVA_BYTE;
            case SHORT, USHORT -> ValueLayout.JAVA_SHORT;
            case INT, UINT, BOOLEAN -> ValueLayout.JAVA_INT;
            case LONG, ULONG -> ValueLayout.JAVA_LONG;
            case FLOAT -> ValueLayout.JAVA_FLOAT;
            case DOUBLE -> ValueLayout.JAVA_DOUBLE;
            case POINTER, STRING, BUFFER -> ValueLayout.ADDRESS;
            default -> throw new IllegalArgumentException("FFM passes no " + type.token() + " by value here");
        };
    }

    /**
     * A scalar's carrier (a value the loader checked: an unsigned one within its range) as the Java
     * type of its {@link #layout}, boxed: an unsigned value by its low bits, a {@code boolean} as 0
     * or 1, a {@code pointer} as a segment of its address. Not for strings and buffers, which need memory.
     */
    static Object carrier(NativeType type, Object value) {
        return switch (type) {
            case BYTE, UBYTE -> (byte) ((Number) value).longValue();
            case SHORT, USHORT -> (short) ((Number) value).longValue();
            case INT, UINT -> (int) ((Number) value).longValue();
            case LONG, ULONG -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case POINTER -> MemorySegment.ofAddress(((Number) value).longValue());
            default -> throw new IllegalArgumentException("a " + type.token() + " has no scalar carrier");
        };
    }

    /**
     * The API's carrier of a value FFM handed over in the Java type of {@code type}'s layout: an
     * unsigned value zero-extended ({@code ubyte} a {@code Short}, {@code ushort} an
     * {@code Integer}, {@code uint} a {@code Long}, {@code ulong} a {@code Long} of its bits), a
     * {@code Boolean} for {@code boolean}, a {@code Long} address for {@code pointer} and
     * {@code buffer}. As the jnr backend's results and upcall arguments are.
     */
    static Object box(NativeType type, Object raw) {
        return switch (type) {
            case UBYTE -> (short) ((Byte) raw & 0xFF);
            case USHORT -> (Short) raw & 0xFFFF;
            case UINT -> (Integer) raw & 0xFFFF_FFFFL;
            case BOOLEAN -> (Integer) raw != 0;
            case POINTER, BUFFER -> ((MemorySegment) raw).address();
            case STRING -> FfmStrings.read((MemorySegment) raw);
            default -> raw;
        };
    }
}
