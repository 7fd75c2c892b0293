package io.nativebundle.loader.internal.backend.routed;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.JavaTypes;
import io.nativebundle.contract.StructLayout;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.CallbackInterfaces;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.byref.ByReference;

/**
 * Calls one routed method of a typed interface through the function invoker of its declaration,
 * as {@code NativeFunction.call} would: the Java arguments become the invoker's carriers (a
 * {@code jnr.ffi.Struct} its bytes in the declared layout's size, an unsigned value its carrier,
 * wrapped as jnr-ffi reads the Java value's bits), and the result becomes the method's return type
 * (a struct a new instance of its class through its {@code (jnr.ffi.Runtime)} constructor, filled
 * with C's bytes). A struct passed by pointer in such a method gets C's bytes back. Structs go
 * through {@code FunctionInvoker.callStructBytes} as bytes: a jnr-ffi {@code Struct} is bytes
 * already, and the backends write bytes, so no {@code NativeStruct} stands between them.
 *
 * <p>Public for the generated class that calls {@link #call}; nothing else uses it.
 */
public final class RoutedCall {

    private final FunctionInvoker invoker;
    private final String method;
    private final NativeSignature signature;
    private final List<NativeParameter> parameters;
    private final Class<?> resultType;
    private final NativeStructType resultStruct;
    private final Constructor<?> resultConstructor;

    private RoutedCall(FunctionInvoker invoker, String method, NativeSignature signature, Class<?> resultType,
                       Constructor<?> resultConstructor) {
        this.invoker = invoker;
        this.method = method;
        this.signature = signature;
        this.parameters = signature.parameterList();
        this.resultType = resultType;
        this.resultStruct = signature.returnStructType().orElse(null);
        this.resultConstructor = resultConstructor;
    }

    /**
     * The call of {@code method} through {@code invoker}, which calls the function with {@code signature}.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when the declaration does not fit the method, naming both
     */
    static RoutedCall of(Method method, NativeSignature signature, FunctionInvoker invoker) throws LoadRefusal {
        String where = describe(method);
        Class<?>[] types = method.getParameterTypes();
        List<NativeParameter> declared = signature.parameterList();
        if (declared.size() != types.length) {
            throw refused(where, signature, "it declares " + declared.size() + " parameters and the method has "
                    + types.length);
        }
        for (int i = 0; i < types.length; i++) {
            String problem = mismatch(types[i], declared.get(i));
            if (problem == null && declared.get(i).type() == NativeType.STRUCT) {
                problem = sizeMismatch(types[i], declared.get(i).structType().orElseThrow());
            }
            if (problem != null) {
                throw refused(where, signature, "parameter " + (i + 1) + " is " + types[i].getName() + ", " + problem);
            }
        }
        Constructor<?> constructor = null;
        if (signature.returnType() == NativeType.STRUCT) {
            constructor = structConstructor(method.getReturnType(), where, signature);
            String problem = sizeMismatch(method.getReturnType(), signature.returnStructType().orElseThrow());
            if (problem != null) {
                throw refused(where, signature, "it returns " + method.getReturnType().getName() + ", " + problem);
            }
        }
        return new RoutedCall(invoker, where, signature, method.getReturnType(), constructor);
    }

    /** Why a Java parameter cannot carry a declared one here, or null when it can. */
    private static String mismatch(Class<?> java, NativeParameter p) {
        boolean struct = Struct.class.isAssignableFrom(java);
        if (struct != (p.type() == NativeType.STRUCT)) {
            return "which cannot carry " + p;
        }
        if (CallbackInterfaces.delegateMethod(java) != null) {
            return JavaTypes.ROUTED_CALLBACK;
        }
        boolean scalarByReference = !struct && !p.isArray() && p.direction() != NativeParameter.Direction.IN;
        if (ByReference.class.isAssignableFrom(java)) {
            // @Out: an out or inout scalar; without: a pointer to a copy, as jnr-ffi passes it
            return scalarByReference || p.type() == NativeType.POINTER && !p.isArray() ? null : "which cannot carry " + p;
        }
        return scalarByReference ? "which cannot carry " + p + " (an out scalar takes a jnr-ffi by-reference type)"
                : null;
    }

    /**
     * Whether jnr-ffi lays {@code java} out in the declared struct's size, padded as C pads it; null
     * when it does, or when the class has no {@code (jnr.ffi.Runtime)} constructor to ask with (a
     * parameter's class need not have one).
     */
    private static String sizeMismatch(Class<?> java, NativeStructType declared) {
        Struct struct;
        try {
            struct = (Struct) java.getConstructor(Runtime.class).newInstance(Runtime.getSystemRuntime());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        int size = StructLayout.padded(Struct.size(struct), Struct.alignment(struct));
        return size == declared.size() ? null : "which jnr-ffi lays out in " + size + " bytes (with C's trailing padding),"
                + " and the declaration's " + declared.name() + " has " + declared.size();
    }

    private static Constructor<?> structConstructor(Class<?> type, String where, NativeSignature signature)
            throws LoadRefusal {
        if (!Struct.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw refused(where, signature, "it returns " + type.getName() + ", not a concrete jnr.ffi.Struct");
        }
        try {
            return type.getConstructor(Runtime.class);
        } catch (NoSuchMethodException e) {
            throw refused(where, signature, "its result " + type.getName() + " has no public constructor taking a"
                    + " jnr.ffi.Runtime, which makes the struct it returns");
        }
    }

    /** Calls the function with the method's arguments; the result boxed as the method's return type. */
    public Object call(Object[] arguments) {
        Object[] carried = new Object[parameters.size()];
        // the memory a by-reference passed as a pointer lends C for the call, by parameter
        Pointer[] lent = null;
        int passed = 0;
        for (int i = 0; i < arguments.length; i++) {
            NativeParameter p = parameters.get(i);
            if (arguments[i] instanceof ByReference<?> reference && p.type() == NativeType.POINTER) {
                lent = lent != null ? lent : new Pointer[arguments.length];
                lent[i] = ByReferences.copy(reference);
                carried[passed++] = lent[i].address();
            } else if (p.takesValue()) {
                carried[passed++] = carrier(p, arguments[i], i);
            }
        }
        NativeCallResult result = invoker.callStructBytes(signature,
                passed == carried.length ? carried : Arrays.copyOf(carried, passed));
        for (int i = 0; i < arguments.length; i++) {
            NativeParameter p = parameters.get(i);
            Object argument = arguments[i];
            if (lent != null && lent[i] != null) {
                ByReferences.back((ByReference<?>) argument, lent[i]);
            } else if (argument != null && p.returnsValue() && !p.isArray()) {
                Object value = result.outValues().get(p.label());
                if (p.type() == NativeType.STRUCT) {
                    fill((Struct) argument, (byte[]) value);
                } else {
                    ByReferences.set((ByReference<?>) argument, p.type(), value);
                }
            }
        }
        return javaResult(result.value());
    }

    private Object carrier(NativeParameter p, Object argument, int index) {
        if (argument == null) {
            if (p.isArray()) {
                return null;
            }
            if (p.direction() == NativeParameter.Direction.INOUT) {
                throw new NullPointerException(method + ": argument " + (index + 1) + " is read and written by C ("
                        + p + "), and null holds no value");
            }
            if (p.type() == NativeType.STRUCT) {
                throw new NullPointerException(method + ": argument " + (index + 1) + " is a struct passed by value,"
                        + " and null has no value");
            }
            // a null jnr.ffi.Pointer is C's NULL, as jnr-ffi passes it
            return p.type() == NativeType.POINTER ? Long.valueOf(0L) : null;
        }
        if (p.type() == NativeType.STRUCT) {
            return bytes((Struct) argument, p.structType().orElseThrow());
        }
        if (p.isArray()) {
            return argument;
        }
        if (argument instanceof ByReference<?> reference) {
            return ByReferences.value(reference, p.type());
        }
        if (argument instanceof Pointer pointer) {
            return pointer.address();
        }
        if (argument instanceof CharSequence text) {
            return text.toString();
        }
        if (!(argument instanceof Number n)) {
            return argument;
        }
        // jnr-ffi passes a Java value's bits: @u_int8_t byte -1 is 255
        return switch (p.type()) {
            case BYTE -> n.byteValue();
            case SHORT -> n.shortValue();
            case INT -> n.intValue();
            case FLOAT -> n.floatValue();
            case DOUBLE -> n.doubleValue();
            case UBYTE -> (short) (n.longValue() & 0xFF);
            case USHORT -> (int) (n.longValue() & 0xFFFF);
            case UINT -> n.longValue() & 0xFFFF_FFFFL;
            default -> n.longValue();
        };
    }

    /**
     * The struct's bytes in the declared layout's size, which the invoker passes as they are
     * ({@code FunctionInvoker.callStructBytes}); jnr-ffi's memory may lack C's trailing padding.
     */
    private static byte[] bytes(Struct struct, NativeStructType type) {
        byte[] bytes = new byte[type.size()];
        Struct.getMemory(struct).get(0, bytes, 0, Math.min(Struct.size(struct), bytes.length));
        return bytes;
    }

    /** Writes C's bytes of a struct into {@code struct}'s memory, as far as jnr-ffi laid it out. */
    private static void fill(Struct struct, byte[] bytes) {
        Struct.getMemory(struct).put(0, bytes, 0, Math.min(Struct.size(struct), bytes.length));
    }

    private Object javaResult(Object value) {
        if (resultStruct != null) {
            Struct struct;
            try {
                struct = (Struct) resultConstructor.newInstance(Runtime.getSystemRuntime());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(method + ": could not make the " + resultType.getName()
                        + " it returns: " + e, e);
            }
            fill(struct, (byte[]) value);
            return struct;
        }
        if (resultType == Pointer.class) {
            return value == null ? null : Pointer.wrap(Runtime.getSystemRuntime(), ((Number) value).longValue());
        }
        if (!(value instanceof Number n)) {
            return value;
        }
        // an unsigned result's carrier may be wider than the Java type: the low bits, as jnr-ffi returns them
        if (resultType == byte.class) {
            return n.byteValue();
        } else if (resultType == short.class) {
            return n.shortValue();
        } else if (resultType == int.class) {
            return n.intValue();
        } else if (resultType == long.class) {
            return n.longValue();
        } else if (resultType == float.class) {
            return n.floatValue();
        } else if (resultType == double.class) {
            return n.doubleValue();
        }
        return value;
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getTypeName).collect(Collectors.joining(",", "(", ")"));
    }

    private static LoadRefusal refused(String where, NativeSignature signature, String why) {
        return new LoadRefusal(RefusalReason.LOAD_FAILED, "method " + where + " is called through its declaration "
                + signature + " in NativeBundle-Symbols, which does not fit it: " + why);
    }

    @Override
    public String toString() {
        return "routed call of " + method;
    }
}
