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
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.TypeName;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;

/**
 * Typed interfaces on FFM: a generated class ({@link FfmBindingGenerator}) calls one method handle
 * per method, a {@code static final} constant, so C2 inlines it into the caller. For a method that
 * takes and returns only Java primitives and {@code String}s ({@link FfmTypedValues}, jnr-ffi's
 * unsigned and size annotations included) it is a downcall handle of the symbol (a string passed as
 * a C string on the thread's {@link FfmScratch}, a string returned read at once); a leaf method
 * ({@link LeafMethods}: annotated {@link NativeLeaf} or declared {@code leaf=true} in the manifest)
 * gets a critical downcall ({@code Linker.Option.critical(false)}: no thread state transition), a
 * {@code @SaveError} method one that captures errno ({@link FfmErrno}). Any other method
 * ({@link #unsupported}: buffers, pointers, callbacks, structs) calls the same
 * method of the interface's jnr binding of the same generation.
 */
final class FfmBindings {

    private static final AtomicLong CLASSES = new AtomicLong();
    private static final String SAVE_ERROR = "jnr.ffi.annotations.SaveError";

    private FfmBindings() {
    }

    /** Where the methods FFM does not call itself go: the jnr binding of the same interface and generation. */
    interface JnrBinding {
        Object get() throws LoadRefusal;
    }

    /** Whether FFM calls at least one method of {@code type} itself; if not, jnr binds all of it. */
    static boolean anyNative(Class<?> type) {
        return InterfaceMethods.abstractOnly(type).stream().anyMatch(m -> unsupported(type, m).isEmpty());
    }

    /**
     * Why FFM does not call {@code method} of {@code type} itself, but the jnr binding; empty when it
     * does. It calls methods whose parameters and result it passes itself ({@link FfmTypedValues}:
     * primitives, strings, jnr-ffi's unsigned, size and address annotations, primitive arrays and
     * by-reference types). A {@code @SaveError}
     * method is a downcall that captures errno ({@link FfmErrno}) when every {@code @SaveError}
     * method of the interface is: the errno the guard asks for after such a call then always comes
     * from FFM, or always from jnr.
     */
    static Optional<String> unsupported(Class<?> type, Method method) {
        Optional<String> types = unsupportedTypes(method);
        if (types.isPresent() || !savesErrno(method)) {
            return types;
        }
        return InterfaceMethods.abstractOnly(type).stream().filter(FfmBindings::savesErrno)
                .map(FfmBindings::unsupportedTypes).flatMap(Optional::stream).findFirst()
                .map(other -> method.getName() + " saves errno (@SaveError) as " + other + " does, which jnr calls");
    }

    /** Whether FFM saves errno for the methods of {@code type} ({@link #unsupported}): they have one that does. */
    static boolean savesErrnoItself(Class<?> type) {
        return InterfaceMethods.abstractOnly(type).stream().anyMatch(m -> savesErrno(m) && unsupported(type, m).isEmpty());
    }

    private static boolean savesErrno(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(SAVE_ERROR));
    }

    /** Why FFM does not pass a parameter or the result of {@code method} itself; empty when it passes all. */
    private static Optional<String> unsupportedTypes(Method method) {
        Class<?> result = method.getReturnType();
        if (result != void.class && FfmTypedValues.cType(result, method.getAnnotations()).isEmpty()) {
            return Optional.of(method.getName() + " returns " + result.getName());
        }
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            Annotation[] annotations = method.getParameterAnnotations()[i];
            if (FfmTypedValues.cType(parameters[i], annotations).isEmpty()
                    && FfmTypedValues.copied(parameters[i], annotations).isEmpty()) {
                return Optional.of(method.getName() + " takes " + parameters[i].getName());
            }
        }
        return Optional.empty();
    }

    /** How the FFM binding calls one method of a typed interface. */
    enum Call {
        /** A critical downcall ({@code Linker.Option.critical(false)}): a leaf FFM calls itself. */
        CRITICAL,
        /** An ordinary downcall. */
        DOWNCALL,
        /** A downcall that saves errno ({@code @SaveError}; {@link FfmErrno}). */
        CAPTURING,
        /** The same method of the jnr binding ({@link #unsupported}), leaf or not. */
        JNR
    }

    /**
     * How {@code method} of {@code type} is called, given which methods are {@code leaves}. A leaf
     * that saves errno is an ordinary capturing downcall (critical together with the capture was not
     * tried), as a {@code NativeFunction}'s is.
     */
    static Call call(Class<?> type, Method method, LeafMethods leaves) {
        if (unsupported(type, method).isPresent()) {
            return Call.JNR;
        }
        if (savesErrno(method)) {
            return Call.CAPTURING;
        }
        return leaves.isLeaf(method) ? Call.CRITICAL : Call.DOWNCALL;
    }

    /**
     * The binding of {@code type}: each method a downcall handle of its symbol in {@code lookup}, or,
     * where {@link #unsupported} says so, the same method of the jnr binding ({@link #call}).
     */
    static <T> T bind(Class<T> type, SymbolLookup lookup, Object file, LeafMethods leaves, JnrBinding jnr)
            throws LoadRefusal {
        List<Method> methods = InterfaceMethods.abstractOnly(type);
        MethodHandle[] handles = new MethodHandle[methods.size()];
        List<Call> calls = new ArrayList<>();
        Object jnrBinding = null;
        for (int i = 0; i < handles.length; i++) {
            Method method = methods.get(i);
            Call call = call(type, method, leaves);
            calls.add(call);
            if (call == Call.JNR) {
                jnrBinding = jnrBinding != null ? jnrBinding : jnr.get();
                handles[i] = delegate(method, jnrBinding);
                continue;
            }
            MemorySegment symbol = lookup.find(method.getName()).orElseThrow(() -> new LoadRefusal(
                    RefusalReason.LOAD_FAILED, "interface " + type.getName() + ": method " + method.getName()
                    + " expects the symbol '" + method.getName() + "' in " + file + ", which does not export it"));
            handles[i] = adapt(downcall(FfmLibrary.target(symbol), descriptor(method), call), method);
        }
        String name = "io.nativebundle.ffm.binding." + type.getSimpleName() + "$" + CLASSES.incrementAndGet();
        byte[] bytes = FfmBindingGenerator.generate(name, type, methods, calls);
        FfmBindingHandles.put(name, handles);
        try {
            Class<?> binding = new ProtocolClassLoader("nativebundle-ffm", type, FfmBindingHandles.class,
                    FfmScratch.class, FfmStrings.class, FfmReferences.class).define(name, bytes);
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

    private static MethodHandle downcall(MemorySegment target, FunctionDescriptor descriptor, Call call) {
        return switch (call) {
            case CRITICAL -> Linker.nativeLinker().downcallHandle(target, descriptor, Linker.Option.critical(false));
            case CAPTURING -> FfmErrno.capturing(Linker.nativeLinker().downcallHandle(target, descriptor,
                    FfmErrno.option()));
            default -> Linker.nativeLinker().downcallHandle(target, descriptor);
        };
    }

    private static FunctionDescriptor descriptor(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        MemoryLayout[] layouts = new MemoryLayout[parameters.length];
        for (int i = 0; i < layouts.length; i++) {
            // an array or a by-reference is the address of its copy
            layouts[i] = FfmTypedValues.copied(parameters[i], method.getParameterAnnotations()[i]).isPresent()
                    ? ValueLayout.ADDRESS
                    : FfmTypedValues.layout(cType(parameters[i], method.getParameterAnnotations()[i]));
        }
        Class<?> result = method.getReturnType();
        return result == void.class ? FunctionDescriptor.ofVoid(layouts)
                : FunctionDescriptor.of(FfmTypedValues.layout(cType(result, method.getAnnotations())), layouts);
    }

    /** The C type of a value {@link #unsupported} found FFM passes. */
    private static TypeName cType(Class<?> type, Annotation[] annotations) {
        return FfmTypedValues.cType(type, annotations).orElseThrow();
    }

    /**
     * The downcall handle, of the method's exact type with each {@code String} a {@code MemorySegment}
     * ({@link FfmBindingGenerator#carrierType}): booleans to and from C ints, a parameter narrowed to
     * its C type's width, an unsigned result zero-extended ({@link FfmTypedValues#result}).
     */
    private static MethodHandle adapt(MethodHandle downcall, Method method) {
        Class<?> result = method.getReturnType();
        MethodHandle handle = result == void.class ? downcall
                : FfmTypedValues.result(downcall, cType(result, method.getAnnotations()), result);
        // boolean parameters become 1 and 0, wider integers their low bits; a result widens or narrows to its carrier
        return MethodHandles.explicitCastArguments(handle, FfmBindingGenerator.carrierType(method));
    }
}
