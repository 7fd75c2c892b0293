package io.nativebundle.loader.internal.backend.ffm;

import java.lang.annotation.Annotation;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;

/**
 * Typed interfaces on FFM: a generated class ({@link FfmBindingGenerator}) calls one method handle
 * per method, a {@code static final} constant, so C2 inlines it into the caller. For a method that
 * takes and returns only Java primitives and {@code String}s it is a downcall handle of the symbol
 * (a string passed as a C string on the thread's {@link FfmScratch}, a string returned read at
 * once); a leaf method ({@link LeafMethods}: annotated {@link NativeLeaf} or declared
 * {@code leaf=true} in the manifest) gets a critical downcall ({@code Linker.Option.critical(false)}:
 * no thread state transition). Any other method
 * ({@link #unsupported}: buffers, pointers, callbacks, structs) calls the same method of the
 * interface's jnr binding of the same generation.
 */
final class FfmBindings {

    private static final AtomicLong CLASSES = new AtomicLong();
    private static final MethodHandle TRUTH;

    static {
        try {
            TRUTH = MethodHandles.lookup().findStatic(FfmBindingHandles.class, "truth",
                    MethodType.methodType(boolean.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The layout each Java type FFM passes itself is passed as: the C type of the same width, a C int
     * for boolean, the address of a C string for {@code String}.
     */
    private static final Map<Class<?>, ValueLayout> LAYOUTS = Map.of(
            byte.class, ValueLayout.JAVA_BYTE, short.class, ValueLayout.JAVA_SHORT, int.class, ValueLayout.JAVA_INT,
            long.class, ValueLayout.JAVA_LONG, float.class, ValueLayout.JAVA_FLOAT, double.class, ValueLayout.JAVA_DOUBLE,
            boolean.class, ValueLayout.JAVA_INT, String.class, ValueLayout.ADDRESS);

    private FfmBindings() {
    }

    /** Where the methods FFM does not call itself go: the jnr binding of the same interface and generation. */
    interface JnrBinding {
        Object get() throws LoadRefusal;
    }

    /** Whether FFM calls at least one method of {@code type} itself; if not, jnr binds all of it. */
    static boolean anyNative(Class<?> type) {
        return InterfaceMethods.abstractOnly(type).stream().anyMatch(m -> unsupported(m).isEmpty());
    }

    /**
     * Why FFM does not call {@code method} itself, but the jnr binding; empty when it does.
     * It calls methods of primitives and strings only; a jnr-ffi type annotation on anything but a {@code long}
     * ({@code @u_int8_t int}, say) changes how jnr-ffi reads the value, so such a method is left to it
     * too ({@code long}s are 64 bits whatever their annotation, addresses included, on LP64).
     */
    static Optional<String> unsupported(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().equals("jnr.ffi.annotations.SaveError")) {
                // jnr saves errno right after the call, where the guard reads it (NativeLibrary.lastErrno)
                return Optional.of(method.getName() + " saves errno (@SaveError)");
            }
        }
        Class<?> result = method.getReturnType();
        if (result != void.class && !LAYOUTS.containsKey(result) || annotatedNarrow(result, method.getAnnotations())) {
            return Optional.of(method.getName() + " returns " + result.getName());
        }
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (!LAYOUTS.containsKey(parameters[i]) || annotatedNarrow(parameters[i], method.getParameterAnnotations()[i])) {
                return Optional.of(method.getName() + " takes " + parameters[i].getName());
            }
        }
        return Optional.empty();
    }

    private static boolean annotatedNarrow(Class<?> type, Annotation[] annotations) {
        if (type == long.class) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().startsWith("jnr.ffi.")) {
                return true;
            }
        }
        return false;
    }

    /** How the FFM binding calls one method of a typed interface. */
    enum Call {
        /** A critical downcall ({@code Linker.Option.critical(false)}): a leaf FFM calls itself. */
        CRITICAL,
        /** An ordinary downcall. */
        DOWNCALL,
        /** The same method of the jnr binding ({@link #unsupported}), leaf or not. */
        JNR
    }

    /** How {@code method} is called, given which methods are {@code leaves}. */
    static Call call(Method method, LeafMethods leaves) {
        return unsupported(method).isPresent() ? Call.JNR : leaves.isLeaf(method) ? Call.CRITICAL : Call.DOWNCALL;
    }

    /**
     * The binding of {@code type}: each method a downcall handle of its symbol in {@code lookup}, or,
     * where {@link #unsupported} says so, the same method of the jnr binding ({@link #call}).
     */
    static <T> T bind(Class<T> type, SymbolLookup lookup, Object file, LeafMethods leaves, JnrBinding jnr)
            throws LoadRefusal {
        List<Method> methods = InterfaceMethods.abstractOnly(type);
        MethodHandle[] handles = new MethodHandle[methods.size()];
        Object jnrBinding = null;
        for (int i = 0; i < handles.length; i++) {
            Method method = methods.get(i);
            Call call = call(method, leaves);
            if (call == Call.JNR) {
                jnrBinding = jnrBinding != null ? jnrBinding : jnr.get();
                handles[i] = delegate(method, jnrBinding);
                continue;
            }
            MemorySegment symbol = lookup.find(method.getName()).orElseThrow(() -> new LoadRefusal(
                    RefusalReason.LOAD_FAILED, "interface " + type.getName() + ": method " + method.getName()
                    + " expects the symbol '" + method.getName() + "' in " + file + ", which does not export it"));
            Linker.Option[] options = call == Call.CRITICAL
                    ? new Linker.Option[] {Linker.Option.critical(false)} : new Linker.Option[0];
            handles[i] = adapt(Linker.nativeLinker().downcallHandle(FfmLibrary.target(symbol), descriptor(method),
                    options), method);
        }
        String name = "io.nativebundle.ffm.binding." + type.getSimpleName() + "$" + CLASSES.incrementAndGet();
        byte[] bytes = FfmBindingGenerator.generate(name, type, methods);
        FfmBindingHandles.put(name, handles);
        try {
            Class<?> binding = new ProtocolClassLoader("nativebundle-ffm", type, FfmBindingHandles.class,
                    FfmScratch.class, FfmStrings.class).define(name, bytes);
            return type.cast(binding.getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "interface " + type.getName()
                    + ": its FFM binding could not be made: " + e, e);
        } finally {
            // taken by the class's initializer; gone either way
            FfmBindingHandles.forget(name);
        }
    }

    private static MethodHandle delegate(Method method, Object jnrBinding) throws LoadRefusal {
        try {
            return MethodHandles.publicLookup().unreflect(method).bindTo(jnrBinding);
        } catch (IllegalAccessException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "interface " + method.getDeclaringClass().getName()
                    + " is not public, so its method " + method.getName() + " cannot be bound: " + e.getMessage(), e);
        }
    }

    private static FunctionDescriptor descriptor(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        MemoryLayout[] layouts = new MemoryLayout[parameters.length];
        for (int i = 0; i < layouts.length; i++) {
            layouts[i] = LAYOUTS.get(parameters[i]);
        }
        Class<?> result = method.getReturnType();
        return result == void.class ? FunctionDescriptor.ofVoid(layouts) : FunctionDescriptor.of(LAYOUTS.get(result), layouts);
    }

    /**
     * The downcall handle, of the method's exact type with each {@code String} a {@code MemorySegment}
     * ({@link FfmBindingGenerator#carrierType}): booleans to and from C ints.
     */
    private static MethodHandle adapt(MethodHandle downcall, Method method) {
        MethodHandle handle = method.getReturnType() == boolean.class
                ? MethodHandles.filterReturnValue(downcall, TRUTH) : downcall;
        // boolean parameters become 1 and 0; every other type is already the carrier's
        return MethodHandles.explicitCastArguments(handle, FfmBindingGenerator.carrierType(method));
    }
}
