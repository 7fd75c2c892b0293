package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The program header table. Every segment's file range is checked to lie inside the file; the
 * table also maps virtual addresses to file offsets, which files without section headers need
 * to find their dynamic tables.
 */
final class ProgramHeaderTable {

    private static final int PN_XNUM = 0xffff;

    private final ByteReader in;
    private final List<ProgramHeader> segments;

    private ProgramHeaderTable(ByteReader in, List<ProgramHeader> segments) {
        this.in = in;
        this.segments = segments;
    }

    static ProgramHeaderTable parse(ByteReader in, ElfHeader h, SectionTable sections) throws ElfFormatException {
        if (h.phoff() == 0 || h.phnum() == 0) {
            return new ProgramHeaderTable(in, List.of());
        }
        int entsize = in.wide() ? 56 : 32;
        if (h.phentsize() != entsize) {
            int field = in.wide() ? 54 : 42;
            throw in.error(field, "e_phentsize at offset " + Hex.of(field) + " is " + h.phentsize() + "; expected " + entsize
                    + " for " + (in.wide() ? "ELF64" : "ELF32"));
        }
        long count = h.phnum();
        if (count == PN_XNUM && !sections.isEmpty()) {
            // extended numbering: the real count is in section 0's sh_info
            count = sections.all().get(0).info();
        }
        if (!in.fits(h.phoff(), 0) || count > (in.size() - h.phoff()) / entsize) {
            throw in.error(h.phoff(), "truncated ELF: program header table at offset " + Hex.of(h.phoff()) + " ("
                    + count + " entries x " + entsize + " bytes) ends past end of file (size " + in.size() + ")");
        }
        List<ProgramHeader> segments = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            ProgramHeader p = read(in, h.phoff() + (long) i * entsize, i);
            in.require(p.offset(), p.filesz(), p.label() + " (type " + Hex.of(p.type()) + ") contents");
            segments.add(p);
        }
        return new ProgramHeaderTable(in, List.copyOf(segments));
    }

    private static ProgramHeader read(ByteReader in, long at, int index) throws ElfFormatException {
        String what = "program header [" + index + "]";
        if (in.wide()) {
            return new ProgramHeader(index, in.u32(at, what), in.u64(at + 8, what), in.u64(at + 16, what),
                    in.u64(at + 32, what), in.u64(at + 48, what));
        }
        return new ProgramHeader(index, in.u32(at, what), in.u32(at + 4, what), in.u32(at + 8, what),
                in.u32(at + 16, what), in.u32(at + 28, what));
    }

    List<ProgramHeader> ofType(long type) {
        return segments.stream().filter(p -> p.type() == type).toList();
    }

    Optional<ProgramHeader> firstOfType(long type) {
        return segments.stream().filter(p -> p.type() == type).findFirst();
    }

    /**
     * Maps a virtual address to a file region through the {@code PT_LOAD} segments.
     *
     * @param vaddr the address, unsigned
     * @param what  what the address is, for messages
     * @param from  the file offset the address was read from, for messages
     * @return the file offset and the number of file bytes available from there in that segment
     */
    Region map(long vaddr, String what, long from) throws ElfFormatException {
        for (ProgramHeader p : ofType(ProgramHeader.PT_LOAD)) {
            long delta = vaddr - p.vaddr();
            if (Long.compareUnsigned(vaddr, p.vaddr()) >= 0 && Long.compareUnsigned(delta, p.filesz()) < 0) {
                return new Region(p.offset() + delta, p.filesz() - delta);
            }
        }
        throw in.error(from, what + " (read at offset " + Hex.of(from) + "): address " + Hex.of(vaddr) + " is not inside the file part of any PT_LOAD "
                + "segment; expected an address the loader maps from the file");
    }

    /** A checked file range. */
    record Region(long offset, long size) {
    }
}
