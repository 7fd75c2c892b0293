package io.nativebundle.api;

/**
 * Thrown by a call through a native service whose library generation was unloaded: its bundle
 * stopped, was updated or was uninstalled. The call never reached native code.
 *
 * <p>Consumers that keep a service object across lifecycle changes catch this and look the
 * service up again, or let Declarative Services rebind them.
 */
public class NativeLibraryUnloadedException extends NativeBundleException {

    private static final long serialVersionUID = 1L;

    private final String library;
    private final long generation;

    public NativeLibraryUnloadedException(String library, long generation) {
        super("native library '" + library + "' generation " + generation
                + " is unloaded: its bundle was stopped, updated or uninstalled; look the service up again");
        this.library = library;
        this.generation = generation;
    }

    /** The name of the unloaded library. */
    public String library() {
        return library;
    }

    /** The unloaded generation. */
    public long generation() {
        return generation;
    }
}
