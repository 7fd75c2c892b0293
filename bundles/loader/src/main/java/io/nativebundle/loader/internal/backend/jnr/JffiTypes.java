package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.Array;
import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Struct;
import com.kenai.jffi.Type;

import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * Maps {@link NativeType}s and struct layouts to jffi types and a signature to its (shared, cached)
 * jffi call context.
 */
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
            case POINTER: case STRING: case BUFFER: case CALLBACK: return Type.POINTER;
            case UBYTE: return Type.UINT8;
            case USHORT: return Type.UINT16;
            case UINT: return Type.UINT32;
            case ULONG: return Type.UINT64;
            default: throw new IllegalArgumentException("no jffi scalar type for " + type);
        }
    }

    /**
     * The jffi struct type of {@code layout}: fields in order, a fixed array as a jffi
     * {@code Array}, a nested struct as its own {@code Struct}; libffi lays it out, and the caller
     * checks that it agrees with the contract's layout.
     */
    static Struct of(NativeStructType layout) {
        Type[] fields = new Type[layout.fields().size()];
        for (int i = 0; i < fields.length; i++) {
            NativeStructType.Field field = layout.fields().get(i);
            Type element = field.type() == NativeType.STRUCT ? of(field.structType().orElseThrow()) : of(field.type());
            fields[i] = field.count() == 0 ? element : Array.newArray(element, field.count());
        }
        return Struct.newStruct(fields);
    }

    /**
     * The call context of any signature: a struct by value as its jffi struct type, an
     * {@code out}/{@code inout} parameter and an array as a pointer, errno saved when the signature says so.
     */
    static CallContext richContext(NativeSignature signature) {
        Type[] parameters = new Type[signature.parameterList().size()];
        for (int i = 0; i < parameters.length; i++) {
            NativeParameter p = signature.parameterList().get(i);
            parameters[i] = p.returnsValue() || p.isArray() ? Type.POINTER
                    : p.type() == NativeType.STRUCT ? of(p.structType().orElseThrow()) : of(p.type());
        }
        Type result = signature.returnType() == NativeType.STRUCT
                ? of(signature.returnStructType().orElseThrow()) : of(signature.returnType());
        // a variadic declaration: libffi's variadic cif (ffi_prep_cif_var). jffi's cache does not key on the
        // fixed count, so a fixed and a variadic context of the same types may be shared; on the two targets
        // that cannot mis-call: libffi sets %al for every x86-64 call, and AAPCS64 on Linux passes variadic
        // arguments like fixed ones
        int fixed = signature.fixedParameterCount().orElse(parameters.length);
        return CallContextCache.getInstance().getCallContext(result, fixed, parameters, CallingConvention.DEFAULT,
                signature.capturesErrno());
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
