package io.nativebundle.bnd;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.nativebundle.binary.ElfMachine;

/**
 * One {@code native/<os>/<arch>/} folder: the folder names and their OSGi {@code Bundle-NativeCode}
 * names.
 *
 * @param os   the OS folder name, e.g. {@code linux}
 * @param arch the architecture folder name, which is the OSGi processor name, e.g. {@code x86-64}
 */
record Platform(String os, String arch) implements Comparable<Platform> {

    /** Folder name to OSGi {@code osname}; Felix normalizes these names (e.g. {@code MacOSX} to {@code macosx}). */
    private static final Map<String, String> OS_NAMES = Map.of(
        "linux", "Linux", "macos", "MacOSX", "macosx", "MacOSX", "windows", "Win32", "win32", "Win32",
        "freebsd", "FreeBSD");

    /** OS folders whose binaries are ELF files, the only format the plugin can inspect. */
    private static final Set<String> ELF_OSES = Set.of("linux", "freebsd");

    static String knownOsFolders() {
        return String.join(", ", new TreeSet<>(OS_NAMES.keySet()));
    }

    static Optional<String> osgiOsName(String osFolder) {
        return Optional.ofNullable(OS_NAMES.get(osFolder));
    }

    /** The OSGi {@code osname}, e.g. {@code Linux}. */
    String osgiOsName() {
        return OS_NAMES.get(os);
    }

    /** The OSGi {@code processor}: the folder name, which the layout check keeps canonical. */
    String osgiProcessor() {
        return arch;
    }

    /** The machine an ELF file in this folder must be built for. */
    ElfMachine machine() {
        return ElfMachine.ofOsgiProcessor(arch).orElse(ElfMachine.OTHER);
    }

    boolean isElf() {
        return ELF_OSES.contains(os);
    }

    /** The folder, {@code native/linux/x86-64/}. */
    String folder() {
        return NativeLayout.ROOT + os + "/" + arch + "/";
    }

    @Override
    public int compareTo(Platform other) {
        int c = os.compareTo(other.os);
        return c != 0 ? c : arch.compareTo(other.arch);
    }

    /** {@code linux/x86-64}, the form messages use. */
    @Override
    public String toString() {
        return os + "/" + arch;
    }
}
