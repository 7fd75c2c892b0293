package io.nativebundle.loader.internal.backend.jnr;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.contract.JavaTypes;
import io.nativebundle.loader.internal.backend.CallbackErrors;
import io.nativebundle.loader.internal.backend.CallbackInterfaces;
import jnr.ffi.Pointer;
import jnr.ffi.mapper.AbstractSignatureTypeMapper;
import jnr.ffi.mapper.MethodParameterContext;
import jnr.ffi.mapper.SignatureType;
import jnr.ffi.mapper.ToNativeContext;
import jnr.ffi.mapper.ToNativeConverter;
import jnr.ffi.mapper.ToNativeType;
import jnr.ffi.mapper.ToNativeTypes;

/**
 * Passes a typed interface's jnr-ffi callbacks (an interface with one {@code @Delegate} method) as
 * upcall stubs of the generation ({@link JnrUpcalls}) instead of jnr-ffi's own closures, so they are
 * owned, cut and freed with the generation, refused once the bundle that supplied them stopped, and
 * an exception a callback throws is caught, counted, and rethrown to the Java caller once C has
 * returned, exactly as for a {@code NativeFunction} with a callback parameter.
 *
 * <p>The callback type is the contract's reading of the {@code @Delegate} method
 * ({@link JavaTypes#callbackType}), the one the bnd plugin wrote into {@code NativeBundle-Symbols}.
 * One delegate object keeps one stub: its adapter is kept, like the stub, for as long as the
 * generation (one mapper per binding).
 *
 * <p>The last callback parameter of a method opens the call's scope of callback errors
 * ({@link CallbackErrors}) after every stub exists; the loader's guard closes it right after the
 * call ({@link #returned}), rethrowing.
 */
final class DelegateArguments extends AbstractSignatureTypeMapper {

    private final JnrUpcalls upcalls;
    /** The adapter of each delegate object passed, so that {@link JnrUpcalls} (by identity) keeps one stub for it. */
    private final Map<Object, NativeCallback> adapters = new IdentityHashMap<>();

    DelegateArguments(JnrUpcalls upcalls) {
        this.upcalls = upcalls;
    }

    @Override
    public ToNativeType getToNativeType(SignatureType type, ToNativeContext context) {
        Method delegate = delegateMethod(type.getDeclaredType());
        if (delegate == null) {
            return null;
        }
        boolean last = true;
        Method typed = null;
        if (context instanceof MethodParameterContext parameter) {
            typed = parameter.getMethod();
            Class<?>[] types = typed.getParameterTypes();
            for (int i = parameter.getParameterIndex() + 1; i < types.length; i++) {
                last &= delegateMethod(types[i]) == null;
            }
        }
        return ToNativeTypes.create(new Upcall(delegate, signature(delegate), last, typed));
    }

    /** The one {@code @Delegate} method of a callback interface, or null for any other type. */
    static Method delegateMethod(Class<?> type) {
        return CallbackInterfaces.delegateMethod(type);
    }

    /** The upcall's signature, read from the method as the bnd plugin read it. */
    static NativeSignature signature(Method delegate) {
        List<String> types = new ArrayList<>();
        List<Set<String>> annotations = new ArrayList<>();
        for (int i = 0; i < delegate.getParameterCount(); i++) {
            types.add(delegate.getParameterTypes()[i].getTypeName());
            annotations.add(names(delegate.getParameterAnnotations()[i]));
        }
        return NativeSignature.parse(JavaTypes.callbackType(delegate.getDeclaringClass().getSimpleName(), types,
                annotations, delegate.getReturnType().getTypeName(), names(delegate.getAnnotations()))
                .signature().toString());
    }

    private static Set<String> names(Annotation[] annotations) {
        return Arrays.stream(annotations).map(a -> a.annotationType().getName()).collect(Collectors.toSet());
    }

    /**
     * Closes the scope the last callback parameter opened and rethrows what a callback threw; the
     * guard calls it right after a method with callback parameters returns (jnr-ffi swallows what
     * a converter's post-invocation throws, so it cannot be done there).
     */
    static void returned() {
        Throwable thrown = CallbackErrors.exit();
        if (thrown != null) {
            throw CallbackErrors.rethrow(thrown);
        }
    }

    private NativeCallback adapter(Object delegate, Method method) {
        synchronized (adapters) {
            return adapters.computeIfAbsent(delegate, d -> arguments -> {
                try {
                    return method.invoke(d, arguments);
                } catch (InvocationTargetException e) {
                    // the callback's own exception, not reflection's wrapper, reaches the Java caller
                    throw CallbackErrors.rethrow(e.getCause());
                }
            });
        }
    }

    private final class Upcall implements ToNativeConverter<Object, Pointer> {

        private final Method method;
        private final NativeSignature signature;
        private final boolean opensScope;

        /** The typed method it is a parameter of, whose symbol's counters count its errors; null if unknown. */
        private final Method typed;

        Upcall(Method method, NativeSignature signature, boolean opensScope, Method typed) {
            this.typed = typed;
            this.method = method;
            this.signature = signature;
            this.opensScope = opensScope;
            try {
                // an interface that is not public, nested in the bundle's typed interface
                method.setAccessible(true);
            } catch (RuntimeException e) {
                // a public interface's method is invoked without it
            }
        }

        @Override
        public Pointer toNative(Object delegate, ToNativeContext context) {
            Pointer stub = delegate == null ? null
                    : Pointer.wrap(context.getRuntime(), upcalls.address(adapter(delegate, method), signature,
                            // looked up per call: jnr-ffi makes this converter at bind, before the
                            // loader publishes the service and its symbols' counters exist
                            upcalls.typedErrors(typed)));
            if (opensScope) {
                CallbackErrors.enter();
            }
            return stub;
        }

        @Override
        public Class<Pointer> nativeType() {
            return Pointer.class;
        }
    }
}
