package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section header table, with names resolved. Every section that occupies file space is
 * checked to lie inside the file, so later parsers can trust a section's range.
 */
final class SectionTable {

    private static final int SHN_XINDEX = 0xffff;

    private final ByteReader in;
    private final List<SectionHeader> sections;

    private SectionTable(ByteReader in, List<SectionHeader> sections) {
        this.in = in;
        this.sections = sections;
    }

    static SectionTable parse(ByteReader in, ElfHeader h) throws ElfFormatException {
        if (h.shoff() == 0) {
            // no section headers (e.g. sstrip'ed): callers fall back to the program headers
            return new SectionTable(in, List.of());
        }
        int entsize = in.wide() ? 64 : 40;
        if (h.shentsize() != entsize) {
            int field = in.wide() ? 58 : 46;
            throw in.error(field, "e_shentsize at offset " + Hex.of(field) + " is " + h.shentsize() + "; expected " + entsize
                    + " for " + (in.wide() ? "ELF64" : "ELF32"));
        }
        long count = h.shnum();
        if (count == 0) {
            // extended numbering: with 0xff00 sections or more, the count is in section 0's sh_size
            in.require(h.shoff(), entsize, "section header [0] (extended e_shnum)");
            count = in.word(h.shoff() + (in.wide() ? 32 : 20), "section [0] sh_size");
        }
        if (!in.fits(h.shoff(), 0) || Long.compareUnsigned(count, (in.size() - h.shoff()) / entsize) > 0) {
            throw in.error(h.shoff(), "truncated ELF: section header table at offset " + Hex.of(h.shoff()) + " ("
                    + Long.toUnsignedString(count) + " entries x " + entsize + " bytes) ends past end of file (size "
                    + in.size() + ")");
        }
        List<RawSection> raw = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            raw.add(RawSection.read(in, h.shoff() + (long) i * entsize, i));
        }
        long shstrndx = h.shstrndx() == SHN_XINDEX && !raw.isEmpty() ? raw.get(0).link : h.shstrndx();
        StringTable names = sectionNames(in, raw, shstrndx);
        List<SectionHeader> sections = new ArrayList<>(raw.size());
        for (RawSection r : raw) {
            String name = names == null ? "" : names.at(r.name, "section [" + r.index + "] sh_name");
            SectionHeader s = new SectionHeader(r.index, name, r.type, r.offset, r.size, r.link, r.info,
                    r.addralign, r.entsize);
            if (s.type() != SectionHeader.SHT_NOBITS && s.type() != SectionHeader.SHT_NULL) {
                in.require(s.offset(), s.size(), s.label());
            }
            sections.add(s);
        }
        return new SectionTable(in, List.copyOf(sections));
    }

    private static StringTable sectionNames(ByteReader in, List<RawSection> raw, long shstrndx)
            throws ElfFormatException {
        if (shstrndx == 0) {
            return null;
        }
        if (shstrndx >= raw.size()) {
            int field = in.wide() ? 62 : 50;
            throw in.error(field, "e_shstrndx at offset " + Hex.of(field) + " is " + shstrndx + "; expected a section index below "
                    + raw.size() + " (e_shnum)");
        }
        RawSection s = raw.get((int) shstrndx);
        if (s.type != SectionHeader.SHT_STRTAB) {
            throw in.error(s.headerOffset, "section [" + shstrndx + "] named by e_shstrndx has type "
                    + Hex.of(s.type) + "; expected SHT_STRTAB (0x3)");
        }
        return new StringTable(in, s.offset, s.size, "section name table [" + shstrndx + "]");
    }

    List<SectionHeader> all() {
        return sections;
    }

    boolean isEmpty() {
        return sections.isEmpty();
    }

    List<SectionHeader> ofType(long type) {
        return sections.stream().filter(s -> s.type() == type).toList();
    }

    Optional<SectionHeader> firstOfType(long type) {
        return sections.stream().filter(s -> s.type() == type).findFirst();
    }

    /** @return the string table a section links to with {@code sh_link}, checked to be one */
    StringTable linkedStrings(SectionHeader s) throws ElfFormatException {
        if (s.link() == 0 || s.link() >= sections.size()) {
            throw in.error(s.offset(), s.label() + " at offset " + Hex.of(s.offset()) + ": sh_link is " + s.link() + "; expected the index of its "
                    + "string table, between 1 and " + (sections.size() - 1));
        }
        SectionHeader strings = sections.get((int) s.link());
        if (strings.type() != SectionHeader.SHT_STRTAB) {
            throw in.error(strings.offset(), s.label() + ": sh_link points to " + strings.label() + " at offset "
                    + Hex.of(strings.offset()) + " of type "
                    + Hex.of(strings.type()) + "; expected SHT_STRTAB (0x3)");
        }
        return new StringTable(in, strings.offset(), strings.size(), strings.label());
    }

    /** A section header as stored, before its name is resolved. */
    private record RawSection(int index, long headerOffset, long name, long type, long offset, long size,
            long link, long info, long addralign, long entsize) {

        static RawSection read(ByteReader in, long at, int index) throws ElfFormatException {
            String what = "section header [" + index + "]";
            if (in.wide()) {
                return new RawSection(index, at, in.u32(at, what), in.u32(at + 4, what), in.u64(at + 24, what),
                        in.u64(at + 32, what), in.u32(at + 40, what), in.u32(at + 44, what), in.u64(at + 48, what),
                        in.u64(at + 56, what));
            }
            return new RawSection(index, at, in.u32(at, what), in.u32(at + 4, what), in.u32(at + 16, what),
                    in.u32(at + 20, what), in.u32(at + 24, what), in.u32(at + 28, what), in.u32(at + 32, what),
                    in.u32(at + 36, what));
        }
    }
}
