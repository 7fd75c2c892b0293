package io.nativebundle.binary.internal;

import io.nativebundle.binary.BuildNote;
import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.ElfNote;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.binary.ElfType;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the parser extracted; collections are unmodifiable. {@code localizedSymbols} names
 * the {@code .symtab} symbols the linker made local (hidden visibility or a version script), as
 * opposed to those that were {@code static} in the source.
 */
public record ElfContents(
        String name,
        ElfClass elfClass,
        ByteOrder byteOrder,
        ElfMachine machine,
        int osAbi,
        ElfType type,
        Optional<String> interpreter,
        List<String> needed,
        Optional<String> soname,
        List<String> runpath,
        List<String> rpath,
        List<ElfSymbol> dynamicSymbols,
        List<ElfSymbol> symbolTable,
        Set<String> localizedSymbols,
        Map<String, List<String>> versionNeeds,
        List<ElfNote> notes,
        Optional<BuildNote> buildNote) {
}
