package io.nativebundle.loader.internal.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Finds the host library a {@code system=} declaration names, the way the dynamic linker would
 * without {@code LD_LIBRARY_PATH}: the first file of that name on the default search path that is
 * an ELF file of this JVM's class and machine. The result is the real path (links resolved), so
 * the loader, the digest and the service properties all speak of the one file that is opened.
 *
 * <pre>{@code
 * Path real = new SystemLibraryLocator(libraries).locate("z", "libz.so.1");
 * // /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
 * }</pre>
 */
public final class SystemLibraryLocator {

    private final SystemLibraries libraries;

    public SystemLibraryLocator(SystemLibraries libraries) {
        this.libraries = libraries;
    }

    /**
     * @param library the library name of {@code NativeBundle-Library}, for the message
     * @param file    the {@code system=} file name, e.g. {@code libz.so.1}
     * @return the real path of the host file
     * @throws LoadRefusal {@code SYSTEM_LIBRARY_MISSING}, naming the directories searched
     */
    public Located locate(String library, String file) throws LoadRefusal {
        Optional<Path> found = libraries.find(file);
        if (found.isEmpty()) {
            throw new LoadRefusal(RefusalReason.SYSTEM_LIBRARY_MISSING, "library '" + library + "' is declared"
                    + " system=" + file + ", but no " + file + " for this JVM's machine is on the host's library search"
                    + " path " + searched() + " (LD_LIBRARY_PATH is not used); install the package that provides "
                    + file + ", or ship the library in the bundle");
        }
        try {
            return new Located(found.get(), found.get().toRealPath());
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.SYSTEM_LIBRARY_MISSING, "library '" + library + "' is declared system="
                    + file + ", found at " + found.get() + ", but its real path cannot be read: " + e, e);
        }
    }

    /** The directories searched, in order, e.g. {@code [/usr/local/lib:/lib/x86_64-linux-gnu:...]}. */
    String searched() {
        return libraries.directories().stream().map(Path::toString).collect(Collectors.joining(":", "[", "]"));
    }

    /**
     * @param found the path on the search path, e.g. {@code /usr/lib/x86_64-linux-gnu/libz.so.1}
     * @param real  the file it leads to, e.g. {@code /usr/lib/x86_64-linux-gnu/libz.so.1.2.13}
     */
    public record Located(Path found, Path real) {

        /** E.g. {@code /usr/lib/x86_64-linux-gnu/libz.so.1 -> /usr/lib/x86_64-linux-gnu/libz.so.1.2.13}. */
        public String describe() {
            return found.equals(real) ? real.toString() : found + " -> " + real;
        }
    }
}
