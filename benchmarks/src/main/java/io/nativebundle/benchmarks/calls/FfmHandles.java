package io.nativebundle.benchmarks.calls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Java's FFM API (Java 22+) reached from this Java 17 module: the classes of
 * {@code java.lang.foreign} are looked up by name once, and what the benchmarks call are plain
 * {@link MethodHandle}s, which a benchmark keeps in {@code static final} fields, as code compiled
 * for 22 would, so that C2 inlines them.
 */
final class FfmHandles {

    private static final MethodHandles.Lookup PUBLIC = MethodHandles.publicLookup();

    private final Class<?> linkerType;
    private final Class<?> optionType;
    private final Class<?> segmentType;
    private final Class<?> layoutType;
    private final Class<?> descriptorType;
    private final Class<?> arenaType;
    private final Object linker;
    private final Class<?> lookupType;
    private final Object lookup;

    private FfmHandles(Path library) throws ReflectiveOperationException {
        linkerType = Class.forName("java.lang.foreign.Linker");
        optionType = Class.forName("java.lang.foreign.Linker$Option");
        segmentType = Class.forName("java.lang.foreign.MemorySegment");
        layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        arenaType = Class.forName("java.lang.foreign.Arena");
        lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        linker = linkerType.getMethod("nativeLinker").invoke(null);
        // the global arena: the library stays loaded for the life of the fork
        Object global = arenaType.getMethod("global").invoke(null);
        lookup = lookupType.getMethod("libraryLookup", Path.class, arenaType).invoke(null, library, global);
    }

    /** The handles of {@code library}; an {@code IllegalStateException} on a JVM below 22. */
    static FfmHandles of(Path library) {
        try {
            return new FfmHandles(library);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FFM (java.lang.foreign, Java 22+) is not available on Java "
                    + Runtime.version().feature() + ": " + e, e);
        }
    }

    /**
     * A downcall handle of {@code symbol}: {@code int} and {@code void} results, {@code int} and
     * address ({@code String} becomes {@code MemorySegment}) parameters, as the benchmarks need.
     */
    MethodHandle downcall(String symbol, boolean critical, Class<?> result, Class<?>... parameters) {
        try {
            Object address = ((Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, symbol))
                    .orElseThrow(() -> new IllegalStateException("no symbol " + symbol));
            Object layouts = Array.newInstance(layoutType, parameters.length);
            for (int i = 0; i < parameters.length; i++) {
                Array.set(layouts, i, layout(parameters[i]));
            }
            Object descriptor = result == void.class
                    ? descriptorType.getMethod("ofVoid", layouts.getClass()).invoke(null, layouts)
                    : descriptorType.getMethod("of", layoutType, layouts.getClass()).invoke(null, layout(result), layouts);
            Object options = Array.newInstance(optionType, critical ? 1 : 0);
            if (critical) {
                Array.set(options, 0, optionType.getMethod("critical", boolean.class).invoke(null, false));
            }
            return (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, options.getClass())
                    .invoke(linker, address, descriptor, options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the downcall handle of " + symbol + ": " + e, e);
        }
    }

    /** {@code Arena.ofConfined()} or {@code Arena.ofShared()} as {@code ()AutoCloseable}. */
    static MethodHandle newArena(boolean shared) {
        try {
            Class<?> arena = Class.forName("java.lang.foreign.Arena");
            return PUBLIC.findStatic(arena, shared ? "ofShared" : "ofConfined", MethodType.methodType(arena))
                    .asType(MethodType.methodType(AutoCloseable.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FFM (java.lang.foreign, Java 22+) is not available on Java "
                    + Runtime.version().feature() + ": " + e, e);
        }
    }

    /** {@code arena.allocateFrom(String)} as {@code (AutoCloseable, String)Object}: a C string in the arena. */
    MethodHandle allocateString() {
        try {
            Class<?> allocator = Class.forName("java.lang.foreign.SegmentAllocator");
            return PUBLIC.findVirtual(allocator, "allocateFrom", MethodType.methodType(segmentType, String.class))
                    .asType(MethodType.methodType(Object.class, AutoCloseable.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object layout(Class<?> type) throws ReflectiveOperationException {
        Class<?> values = Class.forName("java.lang.foreign.ValueLayout");
        return values.getField(type == int.class ? "JAVA_INT" : "ADDRESS").get(null);
    }
}
