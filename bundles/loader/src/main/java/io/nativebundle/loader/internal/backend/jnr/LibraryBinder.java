package io.nativebundle.loader.internal.backend.jnr;

import java.nio.file.Path;
import java.util.List;

import com.kenai.jffi.Library;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/**
 * Opens a verified native file with jnr-ffi and binds a Java interface to it.
 *
 * <p>jnr-ffi is given absolute paths only: it never asks the bundle's class loader, and a bare
 * name would send the dynamic linker through the system search path. Same-bundle dependencies
 * are opened first, so the dynamic linker finds them by soname when the library needs them.
 *
 * <p>Every file is opened by {@link #open} first, {@code RTLD_NOW | RTLD_LOCAL}, through jffi's
 * cache of libraries by path; jnr-ffi and the symbol lookups then get that same {@code Library}
 * instead of opening the file {@code RTLD_LAZY | RTLD_GLOBAL} as they would on their own. Local: a library in the global scope
 * takes over the symbols of every library loaded after it, so a second copy (another tenant's,
 * or the next generation while the previous one is still mapped) would read and write the first
 * copy's global variables, and the dynamic linker would keep the first mapped for as long as the
 * second lives. Now: a missing symbol refuses the bundle here, instead of killing the process
 * with "symbol lookup error" on the first call.
 */
final class LibraryBinder {

    private static final int FLAGS = Library.NOW | Library.LOCAL;

    private LibraryBinder() {
    }

    /**
     * Binds {@code type}; call {@link #open} first, so jnr-ffi gets the files it opened.
     *
     * @param upcalls the generation's upcall stubs, which carry the interface's callback parameters
     */
    static <T> T bind(Class<T> type, Path library, List<Path> dependencies, JnrUpcalls upcalls) throws LoadRefusal {
        try {
            LibraryLoader<T> loader = LibraryLoader.create(type)
                    // resolve every method now, so a missing symbol refuses the bundle instead of
                    // failing on the first call
                    .failImmediately()
                    // errno is not part of the nativebundle contract; not saving it halves the call cost
                    .option(LibraryOption.IgnoreError, true)
                    .option(LibraryOption.LoadNow, true)
                    // String parameters: UTF-8 in a per-thread direct scratch, passed by address
                    .mapper(StringParameterMapper.INSTANCE)
                    // a jnr.ffi.Struct parameter gets memory of its C size, trailing padding included
                    .mapper(StructArguments.INSTANCE)
                    // a @Delegate callback becomes an upcall stub of this generation, as for NativeFunction
                    .mapper(new DelegateArguments(upcalls));
            for (Path dependency : dependencies) {
                loader.library(dependency.toString());
            }
            return loader.load(library.toString());
        } catch (LinkageError | RuntimeException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "jnr-ffi could not open " + library + " for "
                    + type.getName() + ": " + firstLine(e), e);
        }
    }

    /**
     * Opens {@code file}, {@code RTLD_NOW | RTLD_LOCAL}, into jffi's cache of libraries by path,
     * where {@link #bind} and the symbol lookups then find it. jffi caches it weakly: the caller
     * keeps the returned {@code Library} for as long as the generation is open.
     *
     * @param library the library {@code file} is a dependency of, or {@code file} itself, for the message
     */
    static Library open(Path file, Path library) throws LoadRefusal {
        Library opened = Library.getCachedInstance(file.toString(), FLAGS);
        if (opened == null) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "the dynamic linker could not open " + file
                    + (file.equals(library) ? "" : ", a dependency of " + library) + ": " + Library.getLastError());
        }
        return opened;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
