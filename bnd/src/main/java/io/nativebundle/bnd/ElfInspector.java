package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import aQute.service.reporter.Reporter;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.binary.ElfType;
import io.nativebundle.contract.LibraryDeclaration;

/**
 * Reads the ELF files of each platform folder and checks that each is a shared library built for
 * the folder's architecture; then orders each folder's files main library first.
 */
final class ElfInspector {

    private final Reporter reporter;
    private final LibraryDeclaration library;

    ElfInspector(Reporter reporter, LibraryDeclaration library) {
        this.reporter = reporter;
        this.library = library;
    }

    List<PlatformBinaries> inspect(Map<Platform, List<NativeFile>> platforms) {
        List<PlatformBinaries> result = new ArrayList<>();
        platforms.forEach((platform, files) -> result.add(inspect(platform, files)));
        return result;
    }

    private PlatformBinaries inspect(Platform platform, List<NativeFile> files) {
        if (!platform.isElf()) {
            reporter.warning("Bundle-NativeCode: %s holds %s binaries, which the plugin cannot read; their digests "
                + "are written but their symbols and build note are not checked", platform.folder(), platform.os());
            return new PlatformBinaries(platform, byName(files), Map.of(), false);
        }
        Map<String, ElfFile> elves = new HashMap<>();
        for (NativeFile file : files) {
            read(file).ifPresent(elf -> elves.put(file.path(), elf));
        }
        return new PlatformBinaries(platform, mainFirst(files, elves), elves, elves.size() == files.size());
    }

    private Optional<ElfFile> read(NativeFile file) {
        ElfFile elf;
        try {
            elf = ElfReader.read(file.content(), file.path());
        } catch (ElfFormatException e) {
            reporter.error("Bundle-NativeCode: %s (%s) is not a readable ELF shared library: %s", file.path(),
                file.platform(), e.getMessage());
            return Optional.empty();
        }
        if (elf.machine() != file.platform().machine()) {
            reporter.error("Bundle-NativeCode: %s is in the %s folder but is built for another machine: expected "
                + "%s, found %s", file.path(), file.platform(), file.platform().machine().osgiProcessor(),
                elf.machine().osgiProcessor());
            return Optional.empty();
        }
        if (elf.type() != ElfType.DYN) {
            reporter.error("Bundle-NativeCode: %s (%s) is not a shared library: expected ELF type DYN, found %s; "
                + "link it with -shared", file.path(), file.platform(), elf.type());
            return Optional.empty();
        }
        return Optional.of(elf);
    }

    /**
     * The main library is the one whose build note names the declared library; failing that the one
     * named {@code lib<name>.so}; failing that the only one no other file needs.
     */
    private List<NativeFile> mainFirst(List<NativeFile> files, Map<String, ElfFile> elves) {
        List<NativeFile> ordered = byName(files);
        Optional<NativeFile> main = ordered.stream()
            .filter(f -> Optional.ofNullable(elves.get(f.path()))
                .flatMap(ElfFile::buildNote)
                .filter(note -> note.library().equals(library.name()))
                .isPresent())
            .findFirst()
            .or(() -> ordered.stream().filter(this::conventionalName).findFirst())
            .or(() -> onlyRoot(ordered, elves));
        main.ifPresent(m -> {
            ordered.remove(m);
            ordered.add(0, m);
        });
        return ordered;
    }

    private boolean conventionalName(NativeFile file) {
        String name = file.fileName();
        return name.equals("lib" + library.name() + ".so") || name.startsWith("lib" + library.name() + ".so.");
    }

    private static Optional<NativeFile> onlyRoot(List<NativeFile> files, Map<String, ElfFile> elves) {
        Set<String> needed = elves.values().stream()
            .flatMap(elf -> elf.needed().stream())
            .collect(Collectors.toSet());
        List<NativeFile> roots = files.stream()
            .filter(f -> !needed.contains(f.fileName()))
            .filter(f -> Optional.ofNullable(elves.get(f.path()))
                .flatMap(ElfFile::soname)
                .map(soname -> !needed.contains(soname))
                .orElse(true))
            .toList();
        return roots.size() == 1 ? Optional.of(roots.get(0)) : Optional.empty();
    }

    private static List<NativeFile> byName(List<NativeFile> files) {
        List<NativeFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing(NativeFile::path));
        return ordered;
    }
}
