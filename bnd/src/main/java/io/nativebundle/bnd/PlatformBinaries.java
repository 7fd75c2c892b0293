package io.nativebundle.bnd;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.binary.ElfFile;

/**
 * The files of one platform folder after inspection.
 *
 * @param platform the folder
 * @param files    its files, the main library first
 * @param elves    the parsed ELF file of every file that was read and fits the folder, by path;
 *                 empty for platforms whose binaries are not ELF
 * @param complete whether every file of the folder was read and fits, so that the symbols and
 *                 the build note can be judged without follow-up errors
 */
record PlatformBinaries(Platform platform, List<NativeFile> files, Map<String, ElfFile> elves, boolean complete) {

    PlatformBinaries {
        files = List.copyOf(files);
        elves = Map.copyOf(elves);
    }

    /** The library the bundle is about; the others are its same-bundle dependencies. */
    NativeFile main() {
        return files.get(0);
    }

    Optional<ElfFile> elf(NativeFile file) {
        return Optional.ofNullable(elves.get(file.path()));
    }

    /** Whether symbols and the build note can be checked here. */
    boolean checkable() {
        return complete && !elves.isEmpty();
    }
}
