package io.nativebundle.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Version;

/**
 * A native library that the loader verified, opened and published. One such service is
 * registered per loaded library, with the properties of {@link NativeBundleConstants}.
 *
 * <pre>{@code
 * @Reference(target = "(nativebundle.library=math)")
 * NativeLibrary math;
 * ...
 * log.info("math {} from {}", math.version(), math.file());
 * }</pre>
 */
@ProviderType
public interface NativeLibrary {

    /** The library name from {@code NativeBundle-Library}, e.g. {@code math}. */
    String name();

    /**
     * The library version from {@code NativeBundle-Library}; for a system library, the host
     * library's actual version (e.g. {@code 1.2.13}), which lies inside the declared range.
     */
    Version version();

    /** The platform of the loaded file, e.g. {@code linux-x86-64}. */
    String platform();

    /** The SHA-256 of the loaded file, 64 lowercase hex digits. */
    String sha256();

    /**
     * The file that was opened: the copy in the runtime's native cache; for a system library, a
     * link in the runtime's native cache to the host file, which is never copied
     * ({@code toRealPath()} gives e.g. {@code /usr/lib/x86_64-linux-gnu/libz.so.1.2.13}). Each
     * load opens the host file through its own link, so each holds and gives back its own
     * reference to it.
     */
    Path file();

    /**
     * The entry inside the bundle the file was copied from, e.g. {@code native/linux/x86-64/libmath.so};
     * for a system library, the {@code system=} name, e.g. {@code libz.so.1}.
     */
    String entry();

    /** The symbols the library declares in {@code NativeBundle-Symbols}, in declaration order. */
    List<NativeSymbol> symbols();

    /** The tenant that owns the library. */
    String tenant();

    /** {@code <tenant>/<library>/v<major>}. */
    String namespace();

    /** The id of the bundle that carries the library. */
    long bundleId();

    /** The load generation: every load of any library gets a new, larger number. */
    long generation();

    /**
     * The libraries this one needs ({@code DT_NEEDED} of the opened file), in the file's order,
     * each with where the loader found it, e.g.
     * {@code libfmt.so (bundle: native/linux/x86-64/libfmt.so)} or
     * {@code libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)}.
     *
     * @since 1.1
     */
    List<String> dependencies();

    /**
     * The checks the loader ran, and that passed, before it opened the file, in the order they
     * ran: e.g. {@code digest}, {@code elf}, {@code machine}, {@code libc}, {@code glibc},
     * {@code symbols}, {@code build-note}, {@code dependencies}. Each result says what was checked.
     *
     * @since 1.1
     */
    List<CheckResult> checks();

    /**
     * Where the library's calls run: {@code in-process} (in the JVM's process, the default) or
     * {@code process} (in a host process of its own, where a crash of the library never takes the
     * JVM down); also the {@link NativeBundleConstants#ISOLATION} property of its services.
     *
     * @since 2.1
     */
    default String isolation() {
        return NativeBundleConstants.ISOLATION_IN_PROCESS;
    }

    /**
     * The backend that calls the library's native code, {@code jnr}, {@code ffm} or {@code host}; also
     * the {@link NativeBundleConstants#BACKEND} property of its services.
     *
     * @since 2.3.0
     */
    default String backend() {
        return "jnr";
    }

    /**
     * The host process of a library that runs out of process, as it is now; empty in process.
     *
     * @since 2.1
     */
    default Optional<NativeHostStatus> host() {
        return Optional.empty();
    }

    /**
     * The SHA-256 of every file that was opened for this library, by jar entry: the library and
     * the dependencies of its {@code Bundle-NativeCode} clause, in that order; for a system library
     * its {@code system=} name and the host file's digest. {@code native:lock} writes these.
     *
     * @since 2.1
     */
    default Map<String, String> digests() {
        return Map.of(entry(), sha256());
    }

    /**
     * The errno the calling thread's last errno-capturing call of this library left: a method of
     * its typed interface annotated jnr-ffi's {@code @SaveError}, or a {@link NativeFunction}
     * whose signature ends in {@code errno}. Per thread, as C's errno: calls of other libraries
     * and of other threads never change it. C's rule holds: errno means something when the result
     * said the call failed.
     *
     * <pre>{@code
     * if (lib.unlink(path) != 0) {
     *     int errno = library.lastErrno().orElseThrow();
     * }
     * }</pre>
     *
     * @return the value; empty when this thread made no such call of this library (and for a
     *         library out of process, which refuses errno capture)
     * @since 2.3.0
     */
    default OptionalInt lastErrno() {
        return OptionalInt.empty();
    }
}
