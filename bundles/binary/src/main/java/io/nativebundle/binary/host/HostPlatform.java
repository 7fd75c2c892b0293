package io.nativebundle.binary.host;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.nativebundle.binary.SystemLibraries;

/**
 * This host's platform: the one place that works out the JVM's machine, the C library, the glibc
 * version definitions and the library search path. The launcher, the loader, the wrapper, the
 * tests and the benchmarks ask it instead of reading {@code os.arch} or {@code /proc} themselves.
 *
 * <pre>{@code
 * HostPlatform host = HostPlatform.current();
 * String folder = "native/linux/" + host.machine().osgiProcessor() + "/";
 * if (host.libc().flavour() == LibcFlavour.MUSL) { ... }
 * }</pre>
 *
 * <p>{@link #current()} reads the host once and keeps the result: the host does not change while
 * the JVM runs. {@link #of(Path, String, String)} reads a fixture tree instead, for tests and for
 * inspecting a container's file system.
 */
public final class HostPlatform {

    private final HostMachine machine;
    private final HostLibc libc;
    private final Optional<GlibcDefinitions> glibcDefinitions;
    private final SystemLibraries libraries;

    private HostPlatform(HostMachine machine, HostLibc libc, Optional<GlibcDefinitions> glibcDefinitions,
            SystemLibraries libraries) {
        this.machine = machine;
        this.libc = libc;
        this.glibcDefinitions = glibcDefinitions;
        this.libraries = libraries;
    }

    /** The running JVM's host, read on first use (class initialization makes the first use thread-safe). */
    public static HostPlatform current() {
        return Current.HOST;
    }

    /**
     * The platform the files under {@code root} describe, for a JVM with these properties.
     *
     * @param root      stands in for {@code /}: {@code proc/self/exe}, {@code proc/self/maps},
     *                  {@code etc/ld.so.conf} and the library folders are read below it
     * @param osArch    an {@code os.arch} value, e.g. {@code amd64}
     * @param dataModel a {@code sun.arch.data.model} value, {@code 64} or {@code 32}
     */
    public static HostPlatform of(Path root, String osArch, String dataModel) {
        return read(Objects.requireNonNull(root, "root"), HostMachine.of(osArch, dataModel, ByteOrder.nativeOrder()));
    }

    private static HostPlatform read(Path root, HostMachine machine) {
        SystemLibraries libraries = SystemLibraries.of(root, machine.machine(), machine.elfClass());
        LibcDetection.Result libc = new LibcDetection(root, libraries).detect();
        return new HostPlatform(machine, libc.libc(), libc.definitions(), libraries);
    }

    /** The JVM's instruction set, width and byte order. */
    public HostMachine machine() {
        return machine;
    }

    /** The C library, as detected; see {@link LibcOverride} for explicit settings. */
    public HostLibc libc() {
        return libc;
    }

    /** The symbol versions the host's {@code libc.so.6} defines; empty on musl or when it cannot be read. */
    public Optional<GlibcDefinitions> glibcDefinitions() {
        return glibcDefinitions;
    }

    /** The default library search path for binaries of this machine and class. */
    public SystemLibraries libraries() {
        return libraries;
    }

    /** Holds the reading of this host, made when {@link #current()} is first called. */
    private static final class Current {
        static final HostPlatform HOST = read(Path.of("/"), HostMachine.current());
    }

    /** E.g. {@code x86-64 ELF64 little-endian (os.arch amd64), glibc 2.36}. */
    @Override
    public String toString() {
        return machine.describe() + ", " + libc.describe();
    }
}
