package io.nativebundle.loader.internal.host;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;

/**
 * What a library must fit on this host: the JVM's machine, width and byte order, the C library,
 * the runtime's ABI version and the system library search path. Each fact carries where it came
 * from, because a refusal message has to say why the host is what it is.
 *
 * @param machine    the JVM's instruction set, from {@code os.arch}
 * @param osArch     the {@code os.arch} value
 * @param elfClass   32- or 64-bit, from {@code sun.arch.data.model}
 * @param byteOrder  the JVM's byte order
 * @param libc       the host's C library
 * @param libcSource where {@code libc} came from: the framework property or the detection
 * @param glibc      the host's glibc version; empty when not glibc or unknown
 * @param glibcSource where {@code glibc} came from
 * @param abi        the runtime's {@code io.nativebundle.abi} version; empty when no installed bundle offers one
 * @param libraries  the system's default library search path
 */
public record HostPlatform(ElfMachine machine, String osArch, ElfClass elfClass, ByteOrder byteOrder,
                           LibcFlavour libc, String libcSource, Optional<GlibcVersion> glibc, String glibcSource,
                           Optional<Version> abi, SystemLibraries libraries) {

    /** Reads the host as the framework of {@code context} describes it, detecting what the launcher did not set. */
    public static HostPlatform of(BundleContext context) {
        String osArch = System.getProperty("os.arch", "");
        ElfMachine machine = ElfMachine.ofJavaOsArch(osArch).orElse(ElfMachine.OTHER);
        ElfClass elfClass = SystemLibraries.jvmClass(osArch);
        SystemLibraries libraries = SystemLibraries.of(machine, elfClass);

        String libcProperty = context.getProperty(NativeBundleConstants.LIBC_PROPERTY);
        LibcFlavour libc;
        String libcSource;
        Optional<LibcFlavour> configured = flavour(libcProperty);
        if (configured.isPresent()) {
            libc = configured.get();
            libcSource = NativeBundleConstants.LIBC_PROPERTY + "=" + libcProperty;
        } else {
            HostLibc.Detected<LibcFlavour> detected = HostLibc.flavour(libraries);
            libc = detected.value();
            libcSource = detected.source();
        }

        Optional<GlibcVersion> glibc = Optional.empty();
        String glibcSource = "not glibc";
        if (libc == LibcFlavour.GLIBC) {
            String property = context.getProperty(NativeBundleConstants.GLIBC_VERSION_PROPERTY);
            glibc = GlibcVersion.parse(property);
            if (glibc.isPresent()) {
                glibcSource = NativeBundleConstants.GLIBC_VERSION_PROPERTY + "=" + property;
            } else {
                Optional<HostLibc.Detected<GlibcVersion>> detected = HostLibc.glibc(libraries);
                glibc = detected.map(HostLibc.Detected::value);
                glibcSource = detected.map(HostLibc.Detected::source)
                        .orElse("unknown: no readable libc.so.6 on the system search path");
            }
        }
        return new HostPlatform(machine, osArch, elfClass, ByteOrder.nativeOrder(), libc, libcSource, glibc,
                glibcSource, RuntimeCapabilities.abi(context), libraries);
    }

    /**
     * The platform of a library taken from this host, e.g. {@code linux-x86-64}: it is looked up on
     * a Linux search path for this JVM's machine.
     */
    public String hostLibraryPlatform() {
        return "linux-" + machine.osgiProcessor();
    }

    /** E.g. {@code x86-64 ELF64 (os.arch amd64)}. */
    public String describeMachine() {
        return machine.osgiProcessor() + " " + elfClass + " " + byteOrderName(byteOrder) + " (os.arch " + osArch + ")";
    }

    public static String byteOrderName(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }

    private static Optional<LibcFlavour> flavour(String property) {
        if (property == null) {
            return Optional.empty();
        }
        switch (property.trim().toLowerCase(Locale.ROOT)) {
            case "glibc": return Optional.of(LibcFlavour.GLIBC);
            case "musl": return Optional.of(LibcFlavour.MUSL);
            default: return Optional.empty();
        }
    }
}
