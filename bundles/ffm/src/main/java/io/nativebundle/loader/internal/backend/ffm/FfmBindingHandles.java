package io.nativebundle.loader.internal.backend.ffm;

import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the downcall handles of a binding to its generated class, whose static initializer takes
 * them here by its own name into {@code static final} fields: constants to C2, which then inlines
 * the downcall into the caller. Each entry is taken once, when the class is initialized, right
 * after it was put.
 */
public final class FfmBindingHandles {

    private static final Map<String, MethodHandle[]> WAITING = new ConcurrentHashMap<>();

    private FfmBindingHandles() {
    }

    static void put(String className, MethodHandle[] handles) {
        WAITING.put(className, handles);
    }

    /** Called by the generated class's static initializer. */
    public static MethodHandle[] take(String className) {
        MethodHandle[] handles = WAITING.remove(className);
        if (handles == null) {
            throw new IllegalStateException("no downcall handles waiting for " + className);
        }
        return handles;
    }

    static void forget(String className) {
        WAITING.remove(className);
    }

    /** A C {@code int} as a truth value: anything but 0 is true, as jnr-ffi reads it. */
    static boolean truth(int value) {
        return value != 0;
    }
}
