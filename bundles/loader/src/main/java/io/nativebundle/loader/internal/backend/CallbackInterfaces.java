package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Which parameters of a typed interface are jnr-ffi callbacks: an interface with exactly one
 * method annotated {@code @Delegate} (what the bnd plugin accepts). One rule for the jnr backend
 * that makes their upcall stubs, the guard that rethrows their exceptions and the host that refuses
 * them, so the three never disagree about a parameter.
 */
public final class CallbackInterfaces {

    private static final String DELEGATE = "jnr.ffi.annotations.Delegate";

    private CallbackInterfaces() {
    }

    /** The one {@code @Delegate} method of a callback interface, or null for any other type. */
    public static Method delegateMethod(Class<?> type) {
        if (!type.isInterface()) {
            return null;
        }
        List<Method> delegates = Arrays.stream(type.getMethods())
                .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(DELEGATE)))
                .toList();
        return delegates.size() == 1 ? delegates.get(0) : null;
    }

    /** Whether {@code method} has a callback parameter. */
    public static boolean takesCallbacks(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(t -> delegateMethod(t) != null);
    }
}
