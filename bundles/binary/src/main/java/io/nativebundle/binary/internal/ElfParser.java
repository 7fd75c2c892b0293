package io.nativebundle.binary.internal;

import io.nativebundle.binary.BuildNote;
import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfNote;
import io.nativebundle.binary.internal.DynamicSectionParser.DynamicInfo;
import io.nativebundle.binary.internal.NoteParser.Located;
import io.nativebundle.binary.internal.SymbolTableParser.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a whole ELF file into {@link ElfContents}, through the section headers when there are
 * any (the normal case) and through the program headers otherwise.
 */
public final class ElfParser {

    private ElfParser() {
    }

    /** What the dynamic linker sees: dependencies, dynamic symbols, version needs and notes. */
    record Linkage(DynamicInfo dynamic, SymbolTable dynamicSymbols, SymbolTable symbolTable,
            Map<String, List<String>> versionNeeds, List<Located> notes) {
    }

    public static ElfContents parse(byte[] content, String name) throws ElfFormatException {
        ElfHeader h = ElfHeaderParser.parse(content, name);
        ByteReader in = new ByteReader(content, name, h.byteOrder(), h.elfClass() == ElfClass.ELF64);
        SectionTable sections = SectionTable.parse(in, h);
        ProgramHeaderTable segments = ProgramHeaderTable.parse(in, h, sections);
        Linkage linkage = sections.isEmpty()
                ? SegmentLinkageReader.read(in, segments)
                : fromSections(in, sections);
        List<ElfNote> notes = linkage.notes().stream().map(Located::note).toList();
        return new ElfContents(name, h.elfClass(), h.byteOrder(), h.machine(), h.osAbi(), h.type(),
                interpreter(in, segments),
                linkage.dynamic().needed(), linkage.dynamic().soname(), linkage.dynamic().runpath(),
                linkage.dynamic().rpath(),
                linkage.dynamicSymbols().symbols(), linkage.symbolTable().symbols(),
                linkage.symbolTable().localized(),
                linkage.versionNeeds(), notes, buildNote(in, linkage.notes()));
    }

    private static Linkage fromSections(ByteReader in, SectionTable sections) throws ElfFormatException {
        DynamicInfo dynamic = DynamicInfo.NONE;
        Optional<SectionHeader> dyn = sections.firstOfType(SectionHeader.SHT_DYNAMIC);
        if (dyn.isPresent()) {
            SectionHeader s = dyn.get();
            dynamic = DynamicSectionParser.resolve(
                    DynamicSectionParser.entries(in, s.offset(), s.size(), s.label()), sections.linkedStrings(s));
        }
        Map<String, List<String>> versionNeeds = Map.of();
        Optional<SectionHeader> verneed = sections.firstOfType(SectionHeader.SHT_GNU_VERNEED);
        if (verneed.isPresent()) {
            SectionHeader s = verneed.get();
            versionNeeds = VersionNeedParser.parse(in, s.offset(), s.size(), s.info(), s.label(),
                    sections.linkedStrings(s));
        }
        List<SectionHeader> noteSections = sections.ofType(SectionHeader.SHT_NOTE);
        NoteParser.checkTotal(in, noteSections.stream().mapToLong(SectionHeader::size).sum(), "SHT_NOTE sections");
        List<Located> notes = new ArrayList<>();
        for (SectionHeader s : noteSections) {
            notes.addAll(NoteParser.parse(in, s.offset(), s.size(), s.addralign(), s.label()));
        }
        return new Linkage(dynamic, symbols(in, sections, SectionHeader.SHT_DYNSYM),
                symbols(in, sections, SectionHeader.SHT_SYMTAB), versionNeeds, List.copyOf(notes));
    }

    private static SymbolTable symbols(ByteReader in, SectionTable sections, long type) throws ElfFormatException {
        Optional<SectionHeader> table = sections.firstOfType(type);
        if (table.isEmpty()) {
            return SymbolTable.EMPTY;
        }
        SectionHeader s = table.get();
        int entsize = SymbolTableParser.entrySize(in);
        if (s.entsize() != entsize) {
            throw in.error(s.offset(), s.label() + " at offset " + Hex.of(s.offset()) + ": sh_entsize is " + Long.toUnsignedString(s.entsize())
                    + "; expected " + entsize + " for " + (in.wide() ? "ELF64" : "ELF32") + " symbols");
        }
        return SymbolTableParser.parse(in, s.offset(), s.size() / entsize, s.label(), sections.linkedStrings(s));
    }

    private static Optional<String> interpreter(ByteReader in, ProgramHeaderTable segments) throws ElfFormatException {
        Optional<ProgramHeader> interp = segments.firstOfType(ProgramHeader.PT_INTERP);
        if (interp.isEmpty()) {
            return Optional.empty();
        }
        ProgramHeader p = interp.get();
        return Optional.of(new StringTable(in, p.offset(), p.filesz(), p.label() + " (PT_INTERP)")
                .at(0, "PT_INTERP at offset " + Hex.of(p.offset())));
    }

    private static Optional<BuildNote> buildNote(ByteReader in, List<Located> notes) throws ElfFormatException {
        for (Located n : notes) {
            if (n.note().name().equals(BuildNote.NOTE_NAME) && n.note().type() == BuildNote.NOTE_TYPE) {
                return Optional.of(BuildNoteParser.parse(n.note().descriptor(), in.file(), n.descriptorOffset()));
            }
        }
        return Optional.empty();
    }
}
