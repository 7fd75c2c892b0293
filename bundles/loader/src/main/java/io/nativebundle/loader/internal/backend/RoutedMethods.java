package io.nativebundle.loader.internal.backend;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which methods of a typed interface are routed, not left to the backend's binding: a
 * {@code jnr.ffi.Struct} passed or returned by value ({@code io.nativebundle.api.ByValue}; jnr-ffi
 * passes structs by pointer only, jnr-ffi#14) and a variadic function (jnr-ffi's
 * {@code @Variadic}, which jnr-ffi calls correctly but FFM's binding would take for a fixed
 * downcall). In process they are called through their declaration in {@code NativeBundle-Symbols}
 * ({@code routed.RoutedBinding}); out of process the host refuses them. One rule for the loader
 * that routes them, the guard (whose errno the routed call records itself) and the host, so the
 * three never disagree about a method. Annotations are compared by name, as jnr-ffi's are
 * everywhere in the loader.
 */
public final class RoutedMethods {

    /** The API's annotation, by name. */
    static final String BY_VALUE = "io.nativebundle.api.ByValue";
    /** jnr-ffi's annotation of a variadic function called with fixed Java parameters. */
    static final String VARIADIC = "jnr.ffi.annotations.Variadic";

    private RoutedMethods() {
    }

    /** Whether {@code method} is routed: {@link #why} has something to say about it. */
    public static boolean isRouted(Method method) {
        return why(method).isPresent();
    }

    /**
     * What makes {@code method} one jnr-ffi cannot bind, for messages, e.g.
     * {@code parameter 1 is ...$Point, a jnr.ffi.Struct passed by value (@ByValue)}; empty for any
     * other method.
     */
    public static Optional<String> why(Method method) {
        if (has(method.getAnnotations(), VARIADIC)) {
            return Optional.of("it calls a variadic C function (@Variadic)");
        }
        if (has(method.getAnnotations(), BY_VALUE)) {
            return Optional.of("it returns " + method.getReturnType().getName() + " by value (@ByValue)");
        }
        Annotation[][] parameters = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            if (has(parameters[i], BY_VALUE)) {
                return Optional.of("parameter " + (i + 1) + " is " + method.getParameterTypes()[i].getName()
                        + ", a jnr.ffi.Struct passed by value (@ByValue)");
            }
        }
        return Optional.empty();
    }

    private static boolean has(Annotation[] annotations, String name) {
        return Arrays.stream(annotations).anyMatch(a -> a.annotationType().getName().equals(name));
    }
}
