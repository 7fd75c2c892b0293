package io.nativebundle.loader.internal.backend.routed;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;
import io.nativebundle.loader.internal.backend.RoutedMethods;

/**
 * The typed binding of an interface, in process, with its routed methods ({@link RoutedMethods}:
 * structs by value, variadic functions) called through {@code BackendLibrary.function} with their
 * declarations in {@code NativeBundle-Symbols}, the same invokers their {@code NativeFunction}
 * services call, so a backend that carries a shape for descriptors carries it for typed interfaces
 * too (jnr through jffi's {@code invokeStruct} and libffi's variadic call interface, FFM whatever
 * its {@code function} gives).
 *
 * <pre>{@code
 * Object binding = RoutedBinding.bind(AbiTest.class, library, declared, leaves, generation::function);
 * }</pre>
 *
 * <p>An interface without routed methods is the backend's binding, untouched. Otherwise the
 * backend binds a generated interface of the other methods only ({@link SubsetInterface}), so
 * jnr-ffi never sees a method it would mis-call (it passes every {@code Struct} by pointer and
 * reads a {@code Struct} result as a pointer to one), and FFM's binding, which hands what it does
 * not carry to jnr's, never sees them either; a generated class implements the interface over both
 * ({@link RoutedBindingGenerator}). Its bound methods cost one more interface call, which the JIT
 * inlines; the routed ones box their arguments as {@code NativeFunction.call} does.
 */
public final class RoutedBinding {

    /** Makes the invoker of a function, as the generation makes them for {@code NativeFunction} (errno recorded). */
    public interface Functions {
        FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal;
    }

    /** The generated classes of one interface, once per interface class (so per bundle revision). */
    private record Classes(Class<?> subset, Constructor<?> constructor) {
    }

    private static final ClassValue<Classes> CLASSES = new ClassValue<>() {
        @Override
        protected Classes computeValue(Class<?> type) {
            List<Method> methods = InterfaceMethods.abstractOnly(type);
            List<Method> bound = methods.stream().filter(m -> !RoutedMethods.isRouted(m)).toList();
            String base = type.getName().startsWith("java.") ? "io.nativebundle.routed." + type.getName() : type.getName();
            SubsetLoader subsets = new SubsetLoader(type);
            Class<?> subset = subsets.define(base + "$NativeBound", SubsetInterface.generate(base + "$NativeBound", type,
                    bound));
            String name = base + "$NativeRouted";
            byte[] bytes = RoutedBindingGenerator.generate(name, type, subset.getName(), methods);
            try {
                return new Classes(subset, new ProtocolClassLoader("nativebundle-routed", subset, RoutedCall.class)
                        .define(name, bytes).getConstructor(Object.class, RoutedCall[].class));
            } catch (NoSuchMethodException | LinkageError e) {
                throw new IllegalStateException("could not define the routed binding of " + type.getName() + ": " + e, e);
            }
        }
    };

    private RoutedBinding() {
    }

    /**
     * The binding of {@code type}: the backend's own when no method is routed.
     *
     * @param declared  the functions of {@code NativeBundle-Symbols}, by name
     * @param leaves    the methods that are leaves, handed to the backend's {@code bind}
     * @param functions makes the invoker of a routed method's function
     * @throws LoadRefusal {@code LOAD_FAILED} when the backend cannot bind, a routed method has no
     *                     declaration or one that does not fit it, or its function cannot be called
     */
    public static <T> T bind(Class<T> type, BackendLibrary library, Map<String, NativeSignature> declared,
                             LeafMethods leaves, Functions functions) throws LoadRefusal {
        List<Method> routed = InterfaceMethods.abstractOnly(type).stream().filter(RoutedMethods::isRouted).toList();
        if (routed.isEmpty()) {
            return library.bind(type, leaves);
        }
        Classes classes;
        try {
            classes = CLASSES.get(type);
        } catch (IllegalStateException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "interface " + type.getName() + ": " + e.getMessage(), e);
        }
        List<RoutedCall> calls = new ArrayList<>();
        for (Method method : routed) {
            NativeSignature signature = declared.get(method.getName());
            if (signature == null) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, "method " + RoutedCall.describe(method) + " is called"
                        + " through its declaration in NativeBundle-Symbols (" + RoutedMethods.why(method).orElseThrow()
                        + "), and the header declares no function '" + method.getName() + "'");
            }
            calls.add(RoutedCall.of(method, signature, functions.function(method.getName(), signature)));
        }
        boolean anyBound = classes.subset().getMethods().length > 0;
        Object bound = anyBound ? library.bind(classes.subset(), leaves) : null;
        try {
            return type.cast(classes.constructor().newInstance(bound, calls.toArray(RoutedCall[]::new)));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not create the routed binding of "
                    + type.getName() + ": " + e, e);
        }
    }

    /**
     * The method of the bound interface that {@code method} of a backend's binding stands for: the
     * same, unless {@code method} belongs to a generated subset interface, whose methods are copies of
     * the interface's (what the loader keys per-method state by, such as callback error counters).
     */
    public static Method original(Method method) {
        if (method != null && method.getDeclaringClass().getClassLoader() instanceof SubsetLoader loader) {
            try {
                return loader.original().getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                return method;
            }
        }
        return method;
    }

    /** Defines the subset interface of one interface, as its child, and remembers which it copies. */
    private static final class SubsetLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Class<?> original;

        SubsetLoader(Class<?> original) {
            super("nativebundle-subset:" + original.getName(), original.getClassLoader());
            this.original = original;
        }

        Class<?> original() {
            return original;
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
