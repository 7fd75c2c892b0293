package io.nativebundle.binary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system's default library search path, as the dynamic linker walks it when no
 * {@code LD_LIBRARY_PATH}, {@code RPATH} or {@code RUNPATH} applies: the directories of
 * {@code /etc/ld.so.conf} (what {@code /etc/ld.so.cache} indexes), musl's
 * {@code /etc/ld-musl-<arch>.path}, the multiarch directories and the trusted directories
 * {@code /lib64}, {@code /usr/lib64}, {@code /lib} and {@code /usr/lib}.
 *
 * <p>A file counts only if it is an ELF file of this JVM's class and machine, because the dynamic
 * linker skips the others (an aarch64 {@code libc.so.6} of a cross toolchain does not satisfy an
 * x86-64 library). {@code LD_LIBRARY_PATH} is deliberately ignored: the runtime never relies on it.
 *
 * <pre>{@code
 * Optional<Path> libz = SystemLibraries.forThisJvm().find("libz.so.1");
 * // /lib/x86_64-linux-gnu/libz.so.1 on Debian; toRealPath() gives libz.so.1.2.13
 * }</pre>
 *
 * <p>The loader uses it to find dependencies and {@code system=} libraries; the wrapper to check a
 * {@code system =} descriptor's symbols before anything is installed.
 *
 * @since 1.1
 */
public final class SystemLibraries {

    private final List<Path> directories;
    private final ElfMachine machine;
    private final ElfClass elfClass;

    private SystemLibraries(List<Path> directories, ElfMachine machine, ElfClass elfClass) {
        this.directories = List.copyOf(directories);
        this.machine = machine;
        this.elfClass = elfClass;
    }

    /** The search path of this host for binaries of {@code machine} and {@code elfClass}. */
    public static SystemLibraries of(ElfMachine machine, ElfClass elfClass) {
        return of(Path.of("/"), machine, elfClass);
    }

    /** The search path of this host for binaries of the running JVM's machine and class. */
    public static SystemLibraries forThisJvm() {
        String osArch = System.getProperty("os.arch", "");
        return of(ElfMachine.ofJavaOsArch(osArch).orElse(ElfMachine.OTHER), jvmClass(osArch));
    }

    /** The ELF class of the running JVM: {@code sun.arch.data.model}, else a guess from {@code os.arch}. */
    public static ElfClass jvmClass(String osArch) {
        String model = System.getProperty("sun.arch.data.model", "");
        if (model.equals("32")) {
            return ElfClass.ELF32;
        }
        if (model.equals("64")) {
            return ElfClass.ELF64;
        }
        return osArch.contains("64") ? ElfClass.ELF64 : ElfClass.ELF32;
    }

    /**
     * The search path as the files under {@code root} describe it: a stand-in for {@code /}, for
     * tests and for inspecting a container's file system.
     */
    public static SystemLibraries of(Path root, ElfMachine machine, ElfClass elfClass) {
        LdSoConf conf = new LdSoConf(root);
        Set<Path> directories = new LinkedHashSet<>(conf.directories());
        muslPath(root, machine).forEach(d -> directories.add(conf.onRoot(d)));
        String triplet = multiarch(machine);
        if (!triplet.isEmpty()) {
            directories.add(conf.onRoot("/lib/" + triplet));
            directories.add(conf.onRoot("/usr/lib/" + triplet));
        }
        if (elfClass == ElfClass.ELF64) {
            directories.add(conf.onRoot("/lib64"));
            directories.add(conf.onRoot("/usr/lib64"));
        }
        directories.add(conf.onRoot("/lib"));
        directories.add(conf.onRoot("/usr/lib"));
        return new SystemLibraries(new ArrayList<>(directories), machine, elfClass);
    }

    /** @return the directories searched, in order */
    public List<Path> directories() {
        return directories;
    }

    /**
     * Finds a library by the name a {@code DT_NEEDED} entry gives.
     *
     * @return the first fitting file, or empty; always empty for a name with a {@code '/'},
     *         which the dynamic linker treats as a path relative to the working directory
     */
    public Optional<Path> find(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            return Optional.empty();
        }
        for (Path directory : directories) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate) && fits(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the file's ELF header names this search path's class and machine. */
    private boolean fits(Path file) {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(20);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return false;
        }
        ElfClass fileClass = header[4] == 1 ? ElfClass.ELF32 : header[4] == 2 ? ElfClass.ELF64 : null;
        boolean littleEndian = header[5] == 1;
        int code = littleEndian ? (header[18] & 0xff) | (header[19] & 0xff) << 8 : (header[18] & 0xff) << 8 | (header[19] & 0xff);
        return fileClass == elfClass && (machine == ElfMachine.OTHER || ElfMachine.ofCode(code) == machine);
    }

    /** The Debian/Ubuntu multiarch tuple of a machine, e.g. {@code x86_64-linux-gnu}; empty if unknown. */
    static String multiarch(ElfMachine machine) {
        switch (machine) {
            case X86_64: return "x86_64-linux-gnu";
            case AARCH64: return "aarch64-linux-gnu";
            case X86: return "i386-linux-gnu";
            case ARM: return "arm-linux-gnueabihf";
            case PPC64: return "powerpc64le-linux-gnu";
            case S390: return "s390x-linux-gnu";
            case RISCV: return "riscv64-linux-gnu";
            default: return "";
        }
    }

    /** musl reads its whole search path from {@code /etc/ld-musl-<arch>.path} when that file exists. */
    private static List<String> muslPath(Path root, ElfMachine machine) {
        String arch = multiarch(machine).replaceFirst("-linux-.*", "");
        Path file = root.resolve("etc/ld-musl-" + arch + ".path");
        List<String> dirs = new ArrayList<>();
        if (arch.isEmpty() || !Files.isRegularFile(file)) {
            return dirs;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                for (String dir : line.trim().split("[\\s:]+")) {
                    if (dir.startsWith("/")) {
                        dirs.add(dir);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return dirs;
        }
        return dirs;
    }
}
