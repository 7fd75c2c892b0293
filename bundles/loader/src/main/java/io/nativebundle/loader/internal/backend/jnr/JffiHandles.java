package io.nativebundle.loader.internal.backend.jnr;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the dlopen handles out of jnr-ffi and jffi objects, by reflection on jnr-ffi 2.2 and
 * jffi 1.3 internals, and takes over their closing.
 *
 * <p>Why: jffi's {@code com.kenai.jffi.Library} registers its {@code dlclose} with
 * {@code com.kenai.jffi.internal.Cleaner}, which creates a cleaner for the first registered
 * object only and whose action captures the {@code Library} itself, so jffi never closes a
 * library. The loader closes the handles itself once nothing can call into them, and sets each
 * {@code Library}'s {@code disposed} flag first, so a jffi whose cleaner works one day cannot
 * close a handle a second time.
 *
 * <p>The object graph read here: a jnr-ffi binding extends
 * {@code jnr.ffi.provider.jffi.AbstractAsmLibraryInterface}, whose {@code library} field is a
 * {@code jnr.ffi.provider.jffi.NativeLibrary}, whose {@code nativeLibraries} list holds one
 * {@code com.kenai.jffi.Library} per opened file, each with its {@code name} (the path given to
 * dlopen) and {@code handle}.
 */
final class JffiHandles {

    private static final String JFFI_LIBRARY = "com.kenai.jffi.Library";

    /** One dlopen reference held by a jffi {@code Library}: the path given to dlopen and the handle. */
    record Opened(String path, long handle) {
    }

    private JffiHandles() {
    }

    /**
     * The jffi {@code Library} objects behind {@code object}: itself when it is one, the files a
     * jnr-ffi binding opened otherwise.
     *
     * @throws IllegalStateException when the object graph is not the one described above
     */
    static List<Object> libraries(Object object) {
        if (isJffiLibrary(object)) {
            return List.of(object);
        }
        if (!hasSuperclass(object.getClass(), "jnr.ffi.provider.jffi.AbstractAsmLibraryInterface")) {
            throw new IllegalStateException(object.getClass().getName() + " is neither a jnr-ffi binding nor a jffi Library");
        }
        Object nativeLibrary = read(object, "library");
        Object libraries = read(nativeLibrary, "nativeLibraries");
        if (!(libraries instanceof List)) {
            throw new IllegalStateException("unexpected jnr-ffi NativeLibrary.nativeLibraries: " + libraries);
        }
        List<Object> result = new ArrayList<>();
        for (Object library : (List<?>) libraries) {
            if (!isJffiLibrary(library)) {
                throw new IllegalStateException("unexpected element in jnr-ffi NativeLibrary.nativeLibraries: " + library);
            }
            result.add(library);
        }
        return result;
    }

    /**
     * The handle of a jffi {@code Library}, with jffi's own dlclose of it disarmed; {@code null}
     * for the process's default library, which is never closed.
     */
    static Opened takeOver(Object library) {
        String path = (String) read(library, "name");
        long handle = (Long) read(library, "handle");
        if (path == null || handle == 0L) {
            return null;
        }
        // a volatile int; no jffi cleanup can be running on it, since the caller holds the Library
        write(library, "disposed", 1);
        return new Opened(path, handle);
    }

    /**
     * Drops {@code paths} from jffi's process-wide cache of opened libraries, so that no later
     * {@code Library.getCachedInstance} can return a closed handle.
     */
    static void forget(Class<?> jffiLibraryClass, Collection<String> paths) {
        try {
            Field cache = jffiLibraryClass.getDeclaredField("cache");
            cache.setAccessible(true);
            Map<?, ?> map = (Map<?, ?>) cache.get(null);
            paths.forEach(map::remove);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // generation folders are never reused, so a stale entry can never be asked for again
        }
    }

    private static boolean isJffiLibrary(Object object) {
        return object != null && object.getClass().getName().equals(JFFI_LIBRARY);
    }

    private static boolean hasSuperclass(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object read(Object object, String name) {
        Field field = field(object.getClass(), name);
        if (field == null) {
            throw new IllegalStateException("no field '" + name + "' in " + object.getClass().getName()
                    + "; this jnr-ffi/jffi version is not the one the loader knows (jnr-ffi 2.2, jffi 1.3)");
        }
        try {
            return field.get(object);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + object.getClass().getName() + "." + name + ": " + e, e);
        }
    }

    private static void write(Object object, String name, int value) {
        Field field = field(object.getClass(), name);
        if (field == null) {
            throw new IllegalStateException("no field '" + name + "' in " + object.getClass().getName());
        }
        try {
            field.setInt(object, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + object.getClass().getName() + "." + name + ": " + e, e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
