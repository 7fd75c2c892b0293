package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.framework.Version;

import io.nativebundle.binary.BuildNote;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.binary.ElfType;
import io.nativebundle.binary.SymbolType;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.wrap.DescriptorException;

/**
 * Checks the library against its descriptor before anything is written: an ELF shared library
 * of a known machine that exports every declared symbol as the kind declared. A bundled library
 * built with {@code nativebundle.h} carries a build note; when it does, the note must name the
 * descriptor's library and version, as the loader checks the same. A third-party library has no
 * note and is wrapped as it is: the bundle requires the runtime's ABI and the loader, seeing
 * {@code NativeBundle-Wrapped}, skips the note. Each refusal points at the descriptor line it
 * concerns.
 */
final class LibraryCheck {

    private final Descriptor descriptor;

    LibraryCheck(Descriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Checks the {@code .so} to pack next to a bundled descriptor. */
    CheckedLibrary bundled(Path library) throws DescriptorException, IOException {
        Position fileAt = descriptor.libraryFileAt();
        if (!Files.isRegularFile(library)) {
            throw error(fileAt, "the library file " + library.getFileName() + " is missing; expected it next to "
                    + descriptor.file().getFileName() + " (" + library.toAbsolutePath() + ")"
                    + (descriptor.libraryFile().isEmpty() ? ", or name it with file = <name>.so" : ""));
        }
        ElfFile elf = read(library, fileAt);
        Optional<BuildNote> built = elf.buildNote();
        if (built.isEmpty()) {
            symbols(elf, library);
            return new CheckedLibrary(library, elf.machine(), Optional.empty());
        }
        BuildNote note = built.get();
        if (!note.library().equals(descriptor.libraryName())) {
            throw error(descriptor.library().valueAt(), library.getFileName() + " is built as library '"
                    + note.library() + "' (its build note), not '" + descriptor.libraryName() + "'");
        }
        if (!sameVersion(note.version(), descriptor.bundleVersion())) {
            throw error(descriptor.version().valueAt(), library.getFileName() + " is built as " + note.library()
                    + " version " + note.version() + " (its build note), not " + descriptor.version().value());
        }
        Version abi;
        try {
            abi = Version.parseVersion(note.abi());
        } catch (IllegalArgumentException e) {
            throw error(descriptor.library().keyAt(), library.getFileName() + " has ABI version '" + note.abi()
                    + "' in its build note; expected a version such as 1.0.0");
        }
        symbols(elf, library);
        return new CheckedLibrary(library, elf.machine(), Optional.of(abi));
    }

    /** Checks the host library of a {@code system =} descriptor, found on the default search path. */
    CheckedLibrary system(SystemLibraries host) throws DescriptorException, IOException {
        Entry system = descriptor.system().orElseThrow();
        Path file = host.find(system.value()).orElseThrow(() -> error(system.valueAt(), system.value()
                + " is not on this host's library search path; searched " + host.directories().stream()
                        .map(Path::toString).collect(Collectors.joining(", "))));
        ElfFile elf = read(file, system.valueAt());
        symbols(elf, file);
        if (descriptor.versionSymbol().isPresent()) {
            Entry versionSymbol = descriptor.versionSymbol().get();
            if (elf.exportedSymbol(versionSymbol.value()).isEmpty()) {
                throw error(versionSymbol.valueAt(), "version-symbol " + versionSymbol.value() + " is not exported by "
                        + file + ": " + elf.explainMissing(versionSymbol.value()).reason());
            }
        }
        return new CheckedLibrary(file, elf.machine(), Optional.empty());
    }

    private ElfFile read(Path file, Position at) throws DescriptorException, IOException {
        ElfFile elf;
        try {
            elf = ElfReader.read(file);
        } catch (ElfFormatException e) {
            throw error(at, file.getFileName() + " is not an ELF shared library: " + e.getMessage());
        }
        if (elf.type() != ElfType.DYN) {
            throw error(at, file.getFileName() + " is an ELF " + elf.type() + " file; expected a shared library (DYN)");
        }
        if (elf.machine() == ElfMachine.OTHER) {
            throw error(at, file.getFileName() + " is built for an unknown machine; expected one of x86-64, aarch64,"
                    + " x86, arm, ppc64, s390x, riscv64");
        }
        return elf;
    }

    private void symbols(ElfFile elf, Path file) throws DescriptorException {
        for (SymbolEntry symbol : descriptor.symbols()) {
            Optional<ElfSymbol> found = elf.exportedSymbol(symbol.name());
            if (found.isEmpty()) {
                throw error(symbol.at(), "symbol '" + symbol.name() + "' is not exported by " + file.getFileName()
                        + ": " + elf.explainMissing(symbol.name()).reason());
            }
            SymbolType type = found.get().type();
            if (symbol.isFunction() && (type == SymbolType.OBJECT || type == SymbolType.TLS)) {
                throw error(symbol.at(), "'" + symbol.name() + "' is a variable in " + file.getFileName()
                        + "; declare it under [variables]");
            }
            if (!symbol.isFunction() && (type == SymbolType.FUNC || type == SymbolType.GNU_IFUNC)) {
                throw error(symbol.at(), "'" + symbol.name() + "' is a function in " + file.getFileName()
                        + "; declare it under [symbols]");
            }
        }
    }

    private static boolean sameVersion(String built, Version declared) {
        try {
            return Version.parseVersion(built).equals(declared);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private DescriptorException error(Position at, String reason) {
        return new DescriptorException(descriptor.file(), at.line(), at.column(), reason);
    }
}
