package io.nativebundle.loader.internal.call;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * Makes guards of one interface: generates its guard class once (cached per interface class,
 * so each bundle revision gets its own and none outlives its class loader) and instantiates it
 * per generation.
 *
 * <pre>{@code
 * GuardFactory<MathLib> guards = GuardFactory.of(MathLib.class);
 * SymbolMetrics[] metrics = new SymbolMetrics[guards.methods().size()]; // null: no metrics
 * MathLib service = guards.guard(generation, binding, metrics);
 * }</pre>
 *
 * <p>Forwarded are all public instance methods of the interface and its superinterfaces, default
 * methods included, so a default method runs on the binding under the same lease as the calls it
 * makes. {@code equals}, {@code hashCode} and {@code toString} are the guard's own: a service
 * object has identity semantics.
 */
public final class GuardFactory<T> {

    private static final ClassValue<GuardFactory<?>> FACTORIES = new ClassValue<>() {
        @Override
        protected GuardFactory<?> computeValue(Class<?> type) {
            return new GuardFactory<>(type);
        }
    };

    private final Class<T> type;
    private final List<Method> methods;
    private final Constructor<?> constructor;

    private GuardFactory(Class<T> type) {
        if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " cannot be guarded: expected a public interface");
        }
        this.type = type;
        this.methods = methodsOf(type);
        String name = guardClassName(type);
        byte[] bytes = GuardGenerator.generate(name, type, methods);
        try {
            Class<?> guardClass = new ProtocolClassLoader("nativebundle-guard", type, Guard.class, LibraryGeneration.class,
                    SymbolMetrics.class, NativeLibraryUnloadedException.class).define(name, bytes);
            this.constructor = guardClass.getConstructor(LibraryGeneration.class, Object.class, SymbolMetrics[].class);
        } catch (NoSuchMethodException | LinkageError e) {
            throw new IllegalStateException("could not define the guard class of " + type.getName() + ": " + e, e);
        }
    }

    /** The factory of {@code type}, generating its guard class on first use. */
    @SuppressWarnings("unchecked")
    public static <T> GuardFactory<T> of(Class<T> type) {
        return (GuardFactory<T>) FACTORIES.get(type);
    }

    /** The interface. */
    public Class<T> type() {
        return type;
    }

    /**
     * The forwarded methods, sorted by name and descriptor; a metrics array passed to
     * {@link #guard} has one entry per method in this order.
     */
    public List<Method> methods() {
        return methods;
    }

    /**
     * A new guard forwarding to {@code target}, cut when {@code generation} starts to unload. The
     * generation adopts the target: nothing but the returned guard may keep a strong reference to it.
     *
     * @param metrics one entry per method of {@link #methods()}, null entries for no metrics; null for none at all
     */
    public T guard(LibraryGeneration generation, T target, SymbolMetrics[] metrics) {
        T guard = create(generation, target, metrics);
        generation.adopt(target);
        generation.onCut(((Guard) guard)::cut);
        return guard;
    }

    /** A new guard forwarding to {@code target}; prefer {@link #guard}, which also registers its cut. */
    T create(LibraryGeneration generation, T target, SymbolMetrics[] metrics) {
        SymbolMetrics[] perMethod = metrics == null ? new SymbolMetrics[methods.size()] : metrics;
        if (perMethod.length != methods.size()) {
            throw new IllegalArgumentException("expected " + methods.size() + " metrics (one per method of "
                    + type.getName() + ", see methods()) but got " + perMethod.length);
        }
        if (!type.isInstance(target)) {
            throw new IllegalArgumentException(target.getClass().getName() + " does not implement " + type.getName());
        }
        try {
            return type.cast(constructor.newInstance(generation, target, perMethod));
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("could not create the guard of " + type.getName() + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not create the guard of " + type.getName() + ": " + e.getCause(),
                    e.getCause());
        }
    }

    private static List<Method> methodsOf(Class<?> type) {
        return InterfaceMethods.all(type);
    }

    private static String guardClassName(Class<?> type) {
        // next to the interface's name, so stack traces read MathLib$NativeGuard.add; a java.*
        // package cannot be defined by an application class loader
        String name = type.getName() + "$NativeGuard";
        return name.startsWith("java.") ? "io.nativebundle.guard." + name : name;
    }
}
