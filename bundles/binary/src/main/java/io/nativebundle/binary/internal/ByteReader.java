package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads of a file held in memory. Every offset and length may come from the file
 * itself, so every read is checked first and a bad one becomes an {@link ElfFormatException}
 * naming what was being read, never an {@code IndexOutOfBoundsException}.
 */
final class ByteReader {

    private final byte[] data;
    private final String file;
    private final boolean littleEndian;
    private final boolean wide;

    ByteReader(byte[] data, String file, ByteOrder order, boolean wide) {
        this.data = data;
        this.file = file;
        this.littleEndian = order == ByteOrder.LITTLE_ENDIAN;
        this.wide = wide;
    }

    String file() {
        return file;
    }

    int size() {
        return data.length;
    }

    /** @return whether addresses and offsets are 64-bit (ELFCLASS64) */
    boolean wide() {
        return wide;
    }

    /**
     * Checks that {@code [offset, offset + length)} lies inside the file. Both are treated as
     * unsigned 64-bit values, as ELF64 fields are, so no sum can overflow.
     */
    void require(long offset, long length, String what) throws ElfFormatException {
        if (!fits(offset, length)) {
            throw new ElfFormatException(file, offset, "truncated ELF: " + what + " at offset " + Hex.of(offset)
                    + " (" + Long.toUnsignedString(length) + " bytes) ends past end of file (size " + data.length + ")");
        }
    }

    /** @return whether {@code [offset, offset + length)}, both unsigned, lies inside the file */
    boolean fits(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= data.length && length <= data.length - offset;
    }

    ElfFormatException error(long offset, String message) {
        return new ElfFormatException(file, offset, message);
    }

    int u8(long offset, String what) throws ElfFormatException {
        require(offset, 1, what);
        return data[(int) offset] & 0xff;
    }

    int u16(long offset, String what) throws ElfFormatException {
        require(offset, 2, what);
        int i = (int) offset;
        int b0 = data[i] & 0xff;
        int b1 = data[i + 1] & 0xff;
        return littleEndian ? b0 | b1 << 8 : b1 | b0 << 8;
    }

    long u32(long offset, String what) throws ElfFormatException {
        require(offset, 4, what);
        int i = (int) offset;
        long v = 0;
        for (int k = 0; k < 4; k++) {
            int b = data[i + (littleEndian ? 3 - k : k)] & 0xff;
            v = v << 8 | b;
        }
        return v;
    }

    /** @return an unsigned 64-bit value; values of 2^63 and more are negative longs */
    long u64(long offset, String what) throws ElfFormatException {
        require(offset, 8, what);
        int i = (int) offset;
        long v = 0;
        for (int k = 0; k < 8; k++) {
            int b = data[i + (littleEndian ? 7 - k : k)] & 0xff;
            v = v << 8 | b;
        }
        return v;
    }

    /** @return an address, offset or size: 32 or 64 bits by the file's class */
    long word(long offset, String what) throws ElfFormatException {
        return wide ? u64(offset, what) : u32(offset, what);
    }

    /** @return a 32-bit field that is 64-bit signed in ELF64, such as {@code d_tag} */
    long signedWord(long offset, String what) throws ElfFormatException {
        return wide ? u64(offset, what) : (int) u32(offset, what);
    }

    /** @return a copy of a range, checked first */
    byte[] bytes(long offset, long length, String what) throws ElfFormatException {
        require(offset, length, what);
        byte[] copy = new byte[(int) length];
        System.arraycopy(data, (int) offset, copy, 0, (int) length);
        return copy;
    }

    /** @return the byte at an offset the caller has already checked */
    byte at(int offset) {
        return data[offset];
    }

    /** @return text from a checked range, decoded as UTF-8 (malformed bytes become U+FFFD, never an exception) */
    String text(int offset, int length) {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }
}
