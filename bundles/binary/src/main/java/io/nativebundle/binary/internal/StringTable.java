package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;

/**
 * A string table ({@code SHT_STRTAB} section, or the region {@code DT_STRTAB}/{@code DT_STRSZ}
 * name). Lookups never read past the table, and a string without a NUL inside the table is an
 * error.
 */
final class StringTable {

    /** Granularity of the NUL index: a lookup scans at most this many bytes before jumping. */
    private static final int BLOCK = 256;

    private final ByteReader in;
    private final long offset;
    private final int size;
    private final String label;
    /** For each block, the table-relative position of the first NUL at or after its start, or -1. */
    private int[] firstNul;

    /** The range must already have been checked against the file. */
    StringTable(ByteReader in, long offset, long size, String label) throws ElfFormatException {
        in.require(offset, size, label);
        this.in = in;
        this.offset = offset;
        this.size = (int) size;
        this.label = label;
    }

    static StringTable empty(ByteReader in, String label) throws ElfFormatException {
        return new StringTable(in, 0, 0, label);
    }

    String label() {
        return label;
    }

    /**
     * @param index   the offset into the table, unsigned
     * @param context what refers to the string, for messages
     */
    String at(long index, String context) throws ElfFormatException {
        if (index < 0 || index >= size) {
            throw in.error(offset, context + ": string offset " + Hex.of(index) + " is outside " + label
                    + " (at offset " + Hex.of(offset) + ", size " + size + ")");
        }
        int start = (int) index;
        int end = findNul(start);
        if (end < 0) {
            throw in.error(offset + start, context + ": string at offset " + Hex.of(offset + start) + " in " + label
                    + " has no NUL terminator before the end of the table (at offset " + Hex.of(offset)
                    + ", size " + size + ")");
        }
        return in.text((int) offset + start, end - start);
    }

    // Scanning to the NUL for every symbol would be quadratic on a table without NULs; the
    // block index bounds each lookup to one block plus a jump.
    private int findNul(int start) {
        int blockEnd = Math.min(size, (start / BLOCK + 1) * BLOCK);
        for (int i = start; i < blockEnd; i++) {
            if (in.at((int) offset + i) == 0) {
                return i;
            }
        }
        int next = start / BLOCK + 1;
        return next * BLOCK >= size ? -1 : index()[next];
    }

    private int[] index() {
        if (firstNul == null) {
            int blocks = (size + BLOCK - 1) / BLOCK;
            int[] first = new int[blocks];
            int nextNul = -1;
            for (int i = size - 1; i >= 0; i--) {
                if (in.at((int) offset + i) == 0) {
                    nextNul = i;
                }
                if (i % BLOCK == 0) {
                    first[i / BLOCK] = nextNul;
                }
            }
            firstNul = first;
        }
        return firstNul;
    }
}
