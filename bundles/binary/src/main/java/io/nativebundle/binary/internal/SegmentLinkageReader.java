package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.internal.DynamicSectionParser.DynamicInfo;
import io.nativebundle.binary.internal.ElfParser.Linkage;
import io.nativebundle.binary.internal.NoteParser.Located;
import io.nativebundle.binary.internal.ProgramHeaderTable.Region;
import io.nativebundle.binary.internal.SymbolTableParser.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the linkage of a file without section headers (e.g. after {@code sstrip}) the way the
 * dynamic loader does: from {@code PT_DYNAMIC}, following {@code DT_*} addresses through the
 * {@code PT_LOAD} segments. There is no {@code .symtab} then.
 */
final class SegmentLinkageReader {

    private SegmentLinkageReader() {
    }

    static Linkage read(ByteReader in, ProgramHeaderTable segments) throws ElfFormatException {
        List<ProgramHeader> noteSegments = segments.ofType(ProgramHeader.PT_NOTE);
        NoteParser.checkTotal(in, noteSegments.stream().mapToLong(ProgramHeader::filesz).sum(), "PT_NOTE segments");
        List<Located> notes = new ArrayList<>();
        for (ProgramHeader p : noteSegments) {
            notes.addAll(NoteParser.parse(in, p.offset(), p.filesz(), p.align(), p.label() + " (PT_NOTE)"));
        }
        Optional<ProgramHeader> dyn = segments.firstOfType(ProgramHeader.PT_DYNAMIC);
        if (dyn.isEmpty()) {
            return new Linkage(DynamicInfo.NONE, SymbolTable.EMPTY, SymbolTable.EMPTY, Map.of(), List.copyOf(notes));
        }
        ProgramHeader p = dyn.get();
        List<DynamicEntry> entries = DynamicSectionParser.entries(in, p.offset(), p.filesz(), p.label() + " (PT_DYNAMIC)");
        Optional<DynamicEntry> strtab = DynamicSectionParser.find(entries, DynamicEntry.DT_STRTAB);
        if (strtab.isEmpty()) {
            return new Linkage(DynamicInfo.NONE, SymbolTable.EMPTY, SymbolTable.EMPTY, Map.of(), List.copyOf(notes));
        }
        StringTable strings = strings(in, segments, entries, strtab.get());
        return new Linkage(DynamicSectionParser.resolve(entries, strings), dynamicSymbols(in, segments, entries, strings),
                SymbolTable.EMPTY, versionNeeds(in, segments, entries, strings), List.copyOf(notes));
    }

    private static StringTable strings(ByteReader in, ProgramHeaderTable segments, List<DynamicEntry> entries,
            DynamicEntry strtab) throws ElfFormatException {
        Region r = segments.map(strtab.value(), "DT_STRTAB", strtab.offset());
        long size = DynamicSectionParser.find(entries, DynamicEntry.DT_STRSZ).map(DynamicEntry::value).orElse(r.size());
        if (Long.compareUnsigned(size, r.size()) > 0) {
            throw in.error(r.offset(), "DT_STRSZ is " + Long.toUnsignedString(size) + " but the PT_LOAD segment holds "
                    + "only " + r.size() + " bytes from DT_STRTAB at offset " + Hex.of(r.offset()));
        }
        return new StringTable(in, r.offset(), size, "dynamic string table (DT_STRTAB)");
    }

    private static SymbolTable dynamicSymbols(ByteReader in, ProgramHeaderTable segments, List<DynamicEntry> entries,
            StringTable strings) throws ElfFormatException {
        Optional<DynamicEntry> symtab = DynamicSectionParser.find(entries, DynamicEntry.DT_SYMTAB);
        Optional<Long> count = DynamicSymbolCounter.count(in, segments, entries);
        if (symtab.isEmpty() || count.isEmpty()) {
            return SymbolTable.EMPTY;
        }
        Region r = segments.map(symtab.get().value(), "DT_SYMTAB", symtab.get().offset());
        int entsize = SymbolTableParser.entrySize(in);
        if (count.get() > r.size() / entsize) {
            throw in.error(r.offset(), "dynamic symbol table (DT_SYMTAB) at offset " + Hex.of(r.offset()) + ": the "
                    + "hash table implies " + count.get() + " symbols of " + entsize + " bytes, but the PT_LOAD "
                    + "segment holds only " + r.size() + " bytes from there");
        }
        return SymbolTableParser.parse(in, r.offset(), count.get(), "dynamic symbol table (DT_SYMTAB)", strings);
    }

    private static Map<String, List<String>> versionNeeds(ByteReader in, ProgramHeaderTable segments,
            List<DynamicEntry> entries, StringTable strings) throws ElfFormatException {
        Optional<DynamicEntry> verneed = DynamicSectionParser.find(entries, DynamicEntry.DT_VERNEED);
        if (verneed.isEmpty()) {
            return Map.of();
        }
        Region r = segments.map(verneed.get().value(), "DT_VERNEED", verneed.get().offset());
        long count = DynamicSectionParser.find(entries, DynamicEntry.DT_VERNEEDNUM).map(DynamicEntry::value).orElse(0L);
        return VersionNeedParser.parse(in, r.offset(), r.size(), count, "version needs (DT_VERNEED)", strings);
    }
}
