package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Type;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/** Maps {@link NativeType}s to jffi types and a signature to its (shared, cached) jffi call context. */
final class JffiTypes {

    private JffiTypes() {
    }

    static Type of(NativeType type) {
        switch (type) {
            case VOID: return Type.VOID;
            case BYTE: return Type.SINT8;
            case SHORT: return Type.SINT16;
            // a C int used as a truth value
            case INT: case BOOLEAN: return Type.SINT32;
            case LONG: return Type.SINT64;
            case FLOAT: return Type.FLOAT;
            case DOUBLE: return Type.DOUBLE;
            case POINTER: case STRING: case BUFFER: return Type.POINTER;
            default: throw new IllegalArgumentException("no jffi type for " + type);
        }
    }

    /**
     * The call context of {@code signature}: C calling convention, and errno not saved, because
     * errno is not part of the nativebundle contract (the typed binding does the same).
     */
    static CallContext context(NativeSignature signature) {
        Type[] parameters = new Type[signature.parameters().size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = of(signature.parameters().get(i));
        }
        return CallContextCache.getInstance().getCallContext(of(signature.returnType()), parameters,
                CallingConvention.DEFAULT, false);
    }
}
