package io.nativebundle.loader.internal.backend.jnr;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jnr.ffi.LibraryLoader;
import jnr.ffi.types.intptr_t;

/**
 * {@code dlopen}/{@code dlclose} of the C library, bound with jnr-ffi to the process's default
 * symbol scope (so it finds them in libc on glibc 2.34+ and musl, and in libdl before).
 *
 * <p>Creating it early matters: binding the default library makes it the first
 * {@code com.kenai.jffi.Library} of the process, the only one jffi's broken cleaner ever pins
 * (see {@link JffiHandles}). A plugin library pinned there would stay reachable forever, and
 * its generation could never be closed.
 */
final class DynamicLinker {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** Linux values (glibc and musl). */
    static final int RTLD_NOW = 0x2;
    static final int RTLD_NOLOAD = 0x4;

    /** The C functions; public so jnr-ffi can implement it from its own class loader. */
    public interface Functions {
        @intptr_t
        long dlopen(String file, int mode);

        int dlclose(@intptr_t long handle);

        String dlerror();
    }

    private final Functions c;

    private DynamicLinker(Functions c) {
        this.c = c;
    }

    /** The linker of this process; {@code null} where the loader cannot close libraries (not Linux, or binding failed). */
    static DynamicLinker create() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            LOG.log(Level.INFO, "nativebundle: unloaded libraries stay mapped on " + System.getProperty("os.name")
                    + "; only Linux dlclose is implemented");
            return null;
        }
        try {
            return new DynamicLinker(LibraryLoader.create(Functions.class).load(LibraryLoader.DEFAULT_LIBRARY));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "nativebundle: cannot bind dlclose; unloaded libraries stay mapped: " + e);
            return null;
        }
    }

    /**
     * Closes the references jffi opened, most recent first, so a library goes before the
     * same-bundle dependencies it needs.
     *
     * @return the failures, each naming the file and dlerror
     */
    List<String> close(List<JffiHandles.Opened> opened) {
        List<String> problems = new ArrayList<>();
        for (int i = opened.size() - 1; i >= 0; i--) {
            JffiHandles.Opened o = opened.get(i);
            if (c.dlclose(o.handle()) != 0) {
                problems.add("dlclose of " + o.path() + " failed: " + c.dlerror());
            }
        }
        return problems;
    }

    /**
     * Closes one reference to each file that is still loaded, for a binding whose jffi handles
     * could not be read: {@code dlopen(RTLD_NOLOAD)} returns the loaded handle with one more
     * reference, so it is closed twice.
     */
    List<String> closeByPath(List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (int i = paths.size() - 1; i >= 0; i--) {
            String path = paths.get(i);
            long handle = c.dlopen(path, RTLD_NOW | RTLD_NOLOAD);
            if (handle == 0L) {
                continue;
            }
            if (c.dlclose(handle) != 0 || c.dlclose(handle) != 0) {
                problems.add("dlclose of " + path + " failed: " + c.dlerror());
            }
        }
        return problems;
    }
}
