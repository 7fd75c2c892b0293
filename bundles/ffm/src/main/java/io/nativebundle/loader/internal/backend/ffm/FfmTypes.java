package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.List;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/**
 * The memory layout FFM passes each basic {@link NativeType} as: the C type the contract names,
 * a C {@code int} for {@code boolean}, an address for {@code pointer}, {@code string} and
 * {@code buffer}.
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

    /** The layout of one basic, non-void type. */
    static ValueLayout layout(NativeType type) {
        return switch (type) {
            case BYTE -> ValueLayout.JAVA_BYTE;
            case SHORT -> ValueLayout.JAVA_SHORT;
            case INT, BOOLEAN -> ValueLayout.JAVA_INT;
            case LONG -> ValueLayout.JAVA_LONG;
            case FLOAT -> ValueLayout.JAVA_FLOAT;
            case DOUBLE -> ValueLayout.JAVA_DOUBLE;
            case POINTER, STRING, BUFFER -> ValueLayout.ADDRESS;
            default -> throw new IllegalArgumentException("FFM passes no " + type.token() + " by value here");
        };
    }
}
