package io.nativebundle.loader.internal.backend;

import java.util.Arrays;
import java.util.Map;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * The structs of a call as their bytes, for {@link FunctionInvoker#callStructBytes}: a struct
 * argument, result or out value (not an array element) is a {@code byte[]} of its layout's size,
 * laid out as {@link ValueCodec} lays a {@code NativeStruct} out. One rule for the backends that
 * pass the bytes as they are and for the default, which goes through {@code NativeStruct}s.
 */
public final class StructBytes {

    private StructBytes() {
    }

    /** Whether {@code p} is a whole struct (by value, or out/inout through a pointer): carried as bytes here. */
    public static boolean carries(NativeParameter p) {
        return p.type() == NativeType.STRUCT && !p.isArray();
    }

    /**
     * The bytes of a struct argument: a {@code byte[]} as it is (the caller's, read, never written),
     * a {@code NativeStruct} encoded.
     */
    public static byte[] of(Object struct) {
        return struct instanceof byte[] bytes ? bytes : ValueCodec.encode((NativeStruct) struct);
    }

    /**
     * A struct result or out value of {@code type} read from {@code memory} at {@code offset}: a new
     * {@code byte[]} when {@code asBytes}, a {@code NativeStruct} otherwise.
     */
    public static Object read(NativeStructType type, byte[] memory, int offset, boolean asBytes) {
        if (!asBytes) {
            return ValueCodec.decode(type, memory, offset);
        }
        return offset == 0 && memory.length == type.size() ? memory
                : Arrays.copyOfRange(memory, offset, offset + type.size());
    }

    /**
     * {@link FunctionInvoker#callStructBytes} through {@link FunctionInvoker#call}: each struct
     * argument decoded into a {@code NativeStruct}, the struct result and out values encoded again.
     */
    static NativeCallResult viaNativeStructs(FunctionInvoker invoker, NativeSignature signature, Object[] arguments) {
        boolean structs = signature.returnType() == NativeType.STRUCT;
        Object[] carried = arguments;
        int given = 0;
        for (NativeParameter p : signature.parameterList()) {
            structs |= carries(p) && p.returnsValue();
            if (!p.takesValue()) {
                continue;
            }
            if (carries(p) && arguments[given] instanceof byte[] bytes) {
                carried = carried == arguments ? arguments.clone() : carried;
                carried[given] = ValueCodec.decode(p.structType().orElseThrow(), bytes, 0);
            }
            given++;
        }
        NativeCallResult result = invoker.call(carried);
        if (!structs) {
            return result;
        }
        Object value = result.value() instanceof NativeStruct struct ? ValueCodec.encode(struct) : result.value();
        Map<String, Object> outValues = OutValues.none();
        for (Map.Entry<String, Object> out : result.outValues().entrySet()) {
            outValues = OutValues.with(outValues, out.getKey(),
                    out.getValue() instanceof NativeStruct struct ? ValueCodec.encode(struct) : out.getValue());
        }
        return new NativeCallResult(value, outValues, result.errno(), result.errnoMessage());
    }
}
