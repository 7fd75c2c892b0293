package io.nativebundle.loader.internal.backend.host;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.JavaTypes;
import io.nativebundle.contract.Parameter;
import io.nativebundle.contract.TypeName;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.CallbackInterfaces;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;
import io.nativebundle.loader.internal.backend.RoutedMethods;

/**
 * Binds a typed interface to functions of a library that runs out of process: a generated class
 * ({@link HostBindingGenerator}) implements each abstract method by calling its function's
 * invoker, through a typed path without boxing where the signature has one. The methods are read
 * with the contract's {@link JavaTypes}, as the bnd plugin read them to write
 * {@code NativeBundle-Symbols}.
 *
 * <p>What an address of the host process would have to be dereferenced by the JVM for is refused
 * at load, naming the method: a jnr-ffi {@code Pointer} parameter or result (memory the JVM would
 * read and write) and a jnr-ffi by-reference out-parameter. A pointer passed as a {@code long}
 * annotated {@code @intptr_t} is an opaque handle ({@link PointerHandles}) and is served.
 */
final class HostBindings {

    /** Makes the invoker of one function, bound in the host. */
    interface Functions {
        FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal;
    }

    private static final ClassValue<Constructor<?>> CLASSES = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            List<Method> methods = abstractMethods(type);
            List<NativeSignature> signatures = new ArrayList<>();
            for (Method m : methods) {
                signatures.add(signatureOrNull(m));
            }
            String name = type.getName() + "$NativeHost";
            name = name.startsWith("java.") ? "io.nativebundle.host." + name : name;
            byte[] bytes = HostBindingGenerator.generate(name, type, methods, signatures);
            try {
                return new ProtocolClassLoader("nativebundle-host-binding", type, FunctionInvoker.class,
                        BindingSupport.class).define(name, bytes).getConstructor(FunctionInvoker[].class);
            } catch (NoSuchMethodException | LinkageError e) {
                throw new IllegalStateException("could not define the host binding of " + type.getName() + ": " + e, e);
            }
        }
    };

    private HostBindings() {
    }

    /**
     * An object of {@code type} whose abstract methods call the functions of the same name.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} naming the method whose types cannot cross the process boundary,
     *                     or the symbol the host cannot bind
     */
    static <T> T bind(Class<T> type, String library, Functions functions) throws LoadRefusal {
        List<Method> methods = abstractMethods(type);
        FunctionInvoker[] invokers = new FunctionInvoker[methods.size()];
        for (int i = 0; i < invokers.length; i++) {
            Method m = methods.get(i);
            invokers[i] = functions.function(m.getName(), signature(m, library));
        }
        try {
            return type.cast(CLASSES.get(type).newInstance((Object) invokers));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not create the host binding of " + type.getName()
                    + ": " + e, e);
        }
    }

    /** Every public abstract instance method of {@code type} and its superinterfaces, by name and descriptor. */
    static List<Method> abstractMethods(Class<?> type) {
        return InterfaceMethods.abstractOnly(type);
    }

    /**
     * The signature of a method as the host calls it.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} for a type that cannot cross the process boundary
     */
    static NativeSignature signature(Method method, String library) throws LoadRefusal {
        String where = method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(",", "(", ")"));
        Optional<String> routed = RoutedMethods.why(method);
        if (routed.isPresent()) {
            throw refused(library, where, routed.get() + "; " + CANNOT_CARRY);
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        List<NativeType> parameters = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String name = types[i].getTypeName();
            if (JavaTypes.isByReference(name)) {
                throw refused(library, where, "parameter " + (i + 1) + " is " + name + ", an out-parameter; a library"
                        + " that runs out of process cannot fill one; load it in process for out-parameters");
            }
            if (name.equals(JavaTypes.JNR_POINTER)) {
                throw refused(library, where, "parameter " + (i + 1) + " is " + name + ", memory the JVM reads and"
                        + " writes at an address, and an address of the host process means nothing in the JVM; pass"
                        + " a long annotated @intptr_t (an opaque handle) or a byte[]");
            }
            if (jnr.ffi.Struct.class.isAssignableFrom(types[i])) {
                throw refused(library, where, "parameter " + (i + 1) + " is " + name + ", a jnr.ffi.Struct passed by"
                        + " pointer; " + CANNOT_CARRY);
            }
            if (CallbackInterfaces.delegateMethod(types[i]) != null) {
                throw refused(library, where, "parameter " + (i + 1) + " is " + name + ", a jnr-ffi callback; "
                        + CANNOT_CARRY);
            }
            Set<String> parameterAnnotations = names(annotations[i]);
            Optional<TypeName> type = JavaTypes.parameter(name, parameterAnnotations);
            String shape = cAbiShape(() -> JavaTypes.parameterShape(name, parameterAnnotations).map(Parameter::toString)
                    .filter(p -> type.isPresent() && !p.equals(type.get().token())));
            if (shape != null) {
                throw refused(library, where, "parameter " + (i + 1) + " is declared " + shape + " (" + name + " with "
                        + "its jnr-ffi annotations); " + CANNOT_CARRY);
            }
            if (type.isEmpty() || type.get() == TypeName.VOID) {
                throw refused(library, where, "parameter " + (i + 1) + " has type " + name + ", which has no native"
                        + " mapping; supported: " + JavaTypes.SUPPORTED);
            }
            parameters.add(NativeType.valueOf(type.get().name()));
        }
        String result = method.getReturnType().getTypeName();
        if (result.equals(JavaTypes.JNR_POINTER)) {
            throw refused(library, where, "it returns " + result + ", memory the JVM would read at an address of the"
                    + " host process; return a long annotated @intptr_t (an opaque handle)");
        }
        Set<String> methodAnnotations = names(method.getAnnotations());
        Optional<TypeName> type = JavaTypes.map(result, methodAnnotations);
        String shape = cAbiShape(() -> JavaTypes.resultType(result, methodAnnotations).map(TypeName::token)
                .filter(t -> type.isPresent() && !t.equals(type.get().token())));
        if (shape != null) {
            throw refused(library, where, "it returns " + shape + " (" + result + " with its jnr-ffi annotations); "
                    + CANNOT_CARRY);
        }
        if (methodAnnotations.contains(SAVE_ERROR)) {
            throw refused(library, where, "it is annotated @SaveError; " + CANNOT_CARRY);
        }
        if (type.isEmpty() || type.get() == TypeName.BUFFER) {
            throw refused(library, where, "the return type " + result + " has no native mapping");
        }
        if (parameters.size() > Wire.MAX_PARAMETERS) {
            throw refused(library, where, "it has " + parameters.size() + " parameters; at most " + Wire.MAX_PARAMETERS);
        }
        return new NativeSignature(parameters, NativeType.valueOf(type.get().name()));
    }

    /** The signature, or null when the method is refused: the generator then writes nothing to call. */
    private static NativeSignature signatureOrNull(Method m) {
        try {
            return signature(m, "");
        } catch (LoadRefusal e) {
            return null;
        }
    }

    /**
     * What the C ABI's reading of a type ({@link JavaTypes#parameterShape}) makes of it where that
     * differs from the first vocabulary's ({@code uint} for {@code @u_int32_t long}, {@code out int[]}),
     * or null where they agree: the host would mis-call such a method, so it is refused.
     */
    private static String cAbiShape(java.util.function.Supplier<Optional<String>> shape) {
        try {
            return shape.get().orElse(null);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Set<String> names(Annotation[] annotations) {
        return Arrays.stream(annotations).map(a -> a.annotationType().getName()).collect(Collectors.toSet());
    }

    private static final String SAVE_ERROR = "jnr.ffi.annotations.SaveError";
    private static final String CANNOT_CARRY = "a library that runs out of process carries only void, byte, short, int,"
            + " long, float, double, boolean, pointer, string, buffer by value, without errno; load it in process for"
            + " the C ABI's other shapes";

    private static LoadRefusal refused(String library, String where, String why) {
        return new LoadRefusal(RefusalReason.LOAD_FAILED, "library '" + library + "' runs out of process, and method "
                + where + " cannot be called across the process boundary: " + why);
    }
}
