package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfNote;
import java.util.ArrayList;
import java.util.List;

/** Reads the notes of one {@code SHT_NOTE} section or {@code PT_NOTE} segment. */
final class NoteParser {

    private static final int HEADER = 12;

    private NoteParser() {
    }

    /** A note and where its descriptor is in the file, so its own parser can point into the file. */
    record Located(ElfNote note, long descriptorOffset) {
    }

    /**
     * @param align the section's or segment's alignment; 8 means 8-byte padding (as in
     *              {@code .note.gnu.property}), anything else the usual 4
     */
    static List<Located> parse(ByteReader in, long offset, long size, long align, String label)
            throws ElfFormatException {
        in.require(offset, size, label);
        int pad = align == 8 ? 8 : 4;
        long end = offset + size;
        List<Located> notes = new ArrayList<>();
        long pos = offset;
        // each round advances by at least the 12-byte header, so the loop ends
        while (end - pos >= HEADER) {
            String what = label + ": note at offset " + Hex.of(pos);
            long namesz = in.u32(pos, what);
            long descsz = in.u32(pos + 4, what);
            int type = (int) in.u32(pos + 8, what);
            long nameAt = pos + HEADER;
            if (namesz > end - nameAt) {
                throw in.error(pos, what + ": name size " + namesz + " runs past the end of the notes at offset "
                        + Hex.of(end) + "; expected at most " + (end - nameAt));
            }
            long descAt = pos + alignUp(HEADER + namesz, pad);
            if (descAt > end || descsz > end - descAt) {
                throw in.error(pos, what + ": descriptor size " + descsz + " at offset " + Hex.of(descAt)
                        + " runs past the end of the notes at offset " + Hex.of(end));
            }
            String name = name(in, nameAt, namesz);
            notes.add(new Located(new ElfNote(name, type, in.bytes(descAt, descsz, what + " descriptor")), descAt));
            pos = descAt + alignUp(descsz, pad);
        }
        return notes;
    }

    /**
     * Notes are copied out, so many note sections over the same bytes would multiply a small file
     * into a huge allocation. Well-formed note sections never overlap, so together they cannot be
     * larger than the file.
     *
     * @param total the sum of the sizes, each already checked to fit the file
     */
    static void checkTotal(ByteReader in, long total, String what) throws ElfFormatException {
        if (total > in.size()) {
            throw in.error(0, "the " + what + " add up to " + total + " bytes, more than the file's " + in.size()
                    + " (at offset 0x0); expected notes that do not overlap");
        }
    }

    // the name is NUL-terminated within namesz; tolerate a missing NUL as readelf does
    private static String name(ByteReader in, long at, long size) {
        int length = 0;
        while (length < size && in.at((int) at + length) != 0) {
            length++;
        }
        return in.text((int) at, length);
    }

    private static long alignUp(long value, int pad) {
        return (value + pad - 1) & -pad;
    }
}
