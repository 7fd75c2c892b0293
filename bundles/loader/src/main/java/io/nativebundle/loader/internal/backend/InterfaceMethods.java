package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.objectweb.asm.Type;

/**
 * The methods a class generated for an interface must implement: every public instance method of
 * the interface and its superinterfaces, by name and descriptor, in a stable order, so that erased
 * signatures of a generic superinterface ({@code Object get()} next to {@code String get()}) are
 * implemented too; the methods of {@code Object} are left to it.
 */
public final class InterfaceMethods {

    private InterfaceMethods() {
    }

    /** Every one of them, default methods included (a guard passes those on too). */
    public static List<Method> all(Class<?> type) {
        return collect(type, m -> true);
    }

    /** Only the abstract ones (a binding implements those; default methods call them). */
    public static List<Method> abstractOnly(Class<?> type) {
        return collect(type, m -> Modifier.isAbstract(m.getModifiers()));
    }

    private static List<Method> collect(Class<?> type, Predicate<Method> which) {
        Map<String, Method> byDescriptor = new TreeMap<>();
        collect(type, which, byDescriptor);
        return List.copyOf(byDescriptor.values());
    }

    private static void collect(Class<?> type, Predicate<Method> which, Map<String, Method> byDescriptor) {
        for (Method method : type.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && !isObjectMethod(method) && which.test(method)) {
                byDescriptor.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method);
            }
        }
        for (Class<?> superinterface : type.getInterfaces()) {
            collect(superinterface, which, byDescriptor);
        }
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
