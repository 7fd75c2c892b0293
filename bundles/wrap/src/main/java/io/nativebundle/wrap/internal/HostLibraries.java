package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.ElfReader;

/**
 * Finds a host library by file name on the default search path, for checking the symbols of a
 * {@code system =} descriptor: the directories of {@code /etc/ld.so.conf} (and its includes),
 * {@code /lib/<multiarch>}, {@code /usr/lib/<multiarch>}, {@code /lib64}, {@code /usr/lib64},
 * {@code /lib} and {@code /usr/lib}; never {@code LD_LIBRARY_PATH}.
 *
 * <p>A smaller duplicate of the loader's {@code internal.verify.SystemLibraries}, which this bundle
 * cannot import. The loader decides at load time; this only lets a wrong symbol be refused with
 * its line before anything is installed, so a rare directory missed here costs an early refusal
 * that the loader would also have given.
 */
final class HostLibraries {

    private final List<Path> directories;
    private final ElfMachine machine;

    HostLibraries(List<Path> directories, ElfMachine machine) {
        this.directories = List.copyOf(directories);
        this.machine = machine;
    }

    /** The search path of this host, for libraries of this JVM's machine. */
    static HostLibraries ofHost() {
        ElfMachine machine = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElse(ElfMachine.OTHER);
        Set<Path> dirs = new LinkedHashSet<>();
        readConf(Path.of("/etc/ld.so.conf"), dirs, 0);
        String triplet = multiarch(machine);
        if (!triplet.isEmpty()) {
            dirs.add(Path.of("/lib", triplet));
            dirs.add(Path.of("/usr/lib", triplet));
        }
        dirs.add(Path.of("/lib64"));
        dirs.add(Path.of("/usr/lib64"));
        dirs.add(Path.of("/lib"));
        dirs.add(Path.of("/usr/lib"));
        return new HostLibraries(new ArrayList<>(dirs), machine);
    }

    List<Path> directories() {
        return directories;
    }

    /** The first file named {@code name} that is an ELF library of this machine; its real path. */
    Optional<Path> find(String name) {
        for (Path dir : directories) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && fits(candidate)) {
                try {
                    return Optional.of(candidate.toRealPath());
                } catch (IOException e) {
                    // vanished between the two calls: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private boolean fits(Path file) {
        try {
            ElfFile elf = ElfReader.read(file);
            return machine == ElfMachine.OTHER || elf.machine() == machine;
        } catch (IOException | RuntimeException e) {
            return false; // a linker script such as libc.so, or unreadable: the dynamic linker skips it too
        }
    }

    private static void readConf(Path file, Set<Path> dirs, int depth) {
        if (depth > 8 || !Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.startsWith("include")) {
                for (String pattern : line.substring("include".length()).trim().split("\\s+")) {
                    for (Path included : glob(file.getParent(), pattern)) {
                        readConf(included, dirs, depth + 1);
                    }
                }
            } else if (line.startsWith("/")) {
                for (String dir : line.split("[\\s:,]+")) {
                    if (dir.startsWith("/")) {
                        dirs.add(Path.of(dir));
                    }
                }
            }
        }
    }

    private static List<Path> glob(Path base, String pattern) {
        Path path = pattern.startsWith("/") ? Path.of(pattern) : base.resolve(pattern);
        List<Path> matches = new ArrayList<>();
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return matches;
        }
        try (var files = Files.newDirectoryStream(folder, path.getFileName().toString())) {
            files.forEach(matches::add);
        } catch (IOException | RuntimeException e) {
            return matches;
        }
        matches.sort(null);
        return matches;
    }

    private static String multiarch(ElfMachine machine) {
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
}
