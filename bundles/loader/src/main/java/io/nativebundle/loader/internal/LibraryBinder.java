package io.nativebundle.loader.internal;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.api.RefusalReason;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/**
 * Opens a verified native file with jnr-ffi and binds a Java interface to it.
 *
 * <p>jnr-ffi is given absolute paths only: it never asks the bundle's class loader, and a bare
 * name would send the dynamic linker through the system search path. Same-bundle dependencies
 * are opened first, so the dynamic linker finds them by soname when the library needs them.
 */
final class LibraryBinder {

    private LibraryBinder() {
    }

    static <T> T bind(Class<T> type, Path library, List<Path> dependencies) throws LoadRefusal {
        try {
            LibraryLoader<T> loader = LibraryLoader.create(type)
                    // resolve every method now, so a missing symbol refuses the bundle instead of
                    // failing on the first call
                    .failImmediately()
                    // errno is not part of the nativebundle contract; not saving it halves the call cost
                    .option(LibraryOption.IgnoreError, true)
                    .option(LibraryOption.LoadNow, true);
            for (Path dependency : dependencies) {
                loader.library(dependency.toString());
            }
            return loader.load(library.toString());
        } catch (LinkageError | RuntimeException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "jnr-ffi could not open " + library + " for "
                    + type.getName() + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
