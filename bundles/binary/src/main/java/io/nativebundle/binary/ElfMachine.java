package io.nativebundle.binary;

import java.util.Locale;
import java.util.Optional;

/**
 * The target instruction set ({@code e_machine}), with the processor name that OSGi
 * {@code Bundle-NativeCode} clauses use for it.
 *
 * <pre>{@code
 * ElfMachine jvm = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElse(ElfMachine.OTHER);
 * if (file.machine() != jvm) { ... refuse ... }
 * }</pre>
 */
public enum ElfMachine {
    X86(3, "x86"),
    X86_64(62, "x86-64"),
    ARM(40, "arm"),
    AARCH64(183, "aarch64"),
    PPC(20, "ppc"),
    PPC64(21, "ppc64"),
    S390(22, "s390x"),
    RISCV(243, "riscv64"),
    OTHER(-1, "unknown");

    private final int code;
    private final String osgiProcessor;

    ElfMachine(int code, String osgiProcessor) {
        this.code = code;
        this.osgiProcessor = osgiProcessor;
    }

    /** @return the {@code e_machine} value, -1 for {@link #OTHER} */
    public int code() {
        return code;
    }

    /** @return the canonical OSGi processor name, e.g. {@code "x86-64"} */
    public String osgiProcessor() {
        return osgiProcessor;
    }

    /**
     * @param code an {@code e_machine} value
     * @return the matching machine, {@link #OTHER} if unknown
     */
    public static ElfMachine ofCode(int code) {
        for (ElfMachine m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return OTHER;
    }

    /**
     * Maps an OSGi processor name or alias (case-insensitive), e.g. {@code "x86-64"},
     * {@code "amd64"}, {@code "em64t"}, {@code "arm64"}, {@code "i686"}.
     *
     * @param processor the name
     * @return the machine, or empty if the name is unknown
     */
    public static Optional<ElfMachine> ofOsgiProcessor(String processor) {
        return ofName(processor);
    }

    /**
     * Maps a value of the {@code os.arch} system property, e.g. {@code "amd64"}, {@code "aarch64"},
     * {@code "x86"}, {@code "ppc64le"}.
     *
     * @param osArch the value
     * @return the machine, or empty if the value is unknown
     */
    public static Optional<ElfMachine> ofJavaOsArch(String osArch) {
        return ofName(osArch);
    }

    // OSGi aliases and os.arch values overlap so much that one table serves both.
    private static Optional<ElfMachine> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "x86-64": case "x86_64": case "amd64": case "em64t": case "x64":
                return Optional.of(X86_64);
            case "aarch64": case "arm64": case "aarch64_be":
                return Optional.of(AARCH64);
            case "x86": case "i386": case "i486": case "i586": case "i686": case "pentium": case "ia32":
                return Optional.of(X86);
            case "arm": case "arm_le": case "armv7": case "armv7l": case "armv7a": case "armhf": case "armel":
                return Optional.of(ARM);
            case "ppc": case "powerpc":
                return Optional.of(PPC);
            case "ppc64": case "ppc64le": case "powerpc64": case "powerpc64le":
                return Optional.of(PPC64);
            case "s390x": case "s390":
                return Optional.of(S390);
            case "riscv64":
                return Optional.of(RISCV);
            default:
                return Optional.empty();
        }
    }
}
