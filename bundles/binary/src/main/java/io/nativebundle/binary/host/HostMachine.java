package io.nativebundle.binary.host;

import java.nio.ByteOrder;
import java.util.Objects;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.SystemLibraries;

/**
 * The instruction set the JVM runs: from {@code os.arch} ({@code amd64}, {@code aarch64}, ...) to
 * the ELF machine a library must be built for and the OSGi processor name its
 * {@code Bundle-NativeCode} clause and {@code native/<os>/<arch>/} folder use.
 *
 * <pre>{@code
 * HostMachine m = HostMachine.current();
 * m.osgiProcessor();   // "x86-64"
 * m.describe();        // "x86-64 ELF64 little-endian (os.arch amd64)"
 * }</pre>
 */
public final class HostMachine {

    private final String osArch;
    private final ElfMachine machine;
    private final ElfClass elfClass;
    private final ByteOrder byteOrder;

    private HostMachine(String osArch, ElfMachine machine, ElfClass elfClass, ByteOrder byteOrder) {
        this.osArch = osArch;
        this.machine = machine;
        this.elfClass = elfClass;
        this.byteOrder = byteOrder;
    }

    /** The running JVM's machine. */
    public static HostMachine current() {
        return of(System.getProperty("os.arch", ""), System.getProperty("sun.arch.data.model", ""),
                ByteOrder.nativeOrder());
    }

    /**
     * The machine that {@code os.arch} and {@code sun.arch.data.model} values describe.
     *
     * @param dataModel {@code 32} or {@code 64}; anything else guesses the width from {@code os.arch}
     */
    public static HostMachine of(String osArch, String dataModel, ByteOrder byteOrder) {
        String arch = osArch == null ? "" : osArch;
        ElfClass elfClass = "32".equals(dataModel) ? ElfClass.ELF32 : "64".equals(dataModel) ? ElfClass.ELF64
                : SystemLibraries.jvmClass(arch);
        return new HostMachine(arch, ElfMachine.ofJavaOsArch(arch).orElse(ElfMachine.OTHER), elfClass,
                Objects.requireNonNull(byteOrder, "byteOrder"));
    }

    /** The {@code os.arch} value, e.g. {@code amd64}. */
    public String osArch() {
        return osArch;
    }

    /** The ELF machine, {@link ElfMachine#OTHER} when {@code os.arch} names none the runtime knows. */
    public ElfMachine machine() {
        return machine;
    }

    /** Whether the machine is one the runtime knows. */
    public boolean isKnown() {
        return machine != ElfMachine.OTHER;
    }

    /** The canonical OSGi processor name, e.g. {@code x86-64}; {@code unknown} when not {@link #isKnown()}. */
    public String osgiProcessor() {
        return machine.osgiProcessor();
    }

    /** 32- or 64-bit. */
    public ElfClass elfClass() {
        return elfClass;
    }

    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** E.g. {@code x86-64 ELF64 little-endian (os.arch amd64)}, for messages that say why the host is what it is. */
    public String describe() {
        return machine.osgiProcessor() + " " + elfClass + " "
                + (byteOrder == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian") + " (os.arch " + osArch + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
