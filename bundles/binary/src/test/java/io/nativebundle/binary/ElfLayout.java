package io.nativebundle.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent, trusting reader of a known-good file's layout, so tests can aim mutations at
 * specific fields. Deliberately not the code under test.
 */
final class ElfLayout {

    final boolean wide;
    final ByteOrder order;
    final long shoff;
    final int shentsize;
    final int shnum;
    private final ByteBuffer buf;

    ElfLayout(byte[] data) {
        wide = data[4] == 2;
        order = data[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        buf = ByteBuffer.wrap(data).order(order);
        shoff = word(wide ? 40 : 32);
        shentsize = buf.getShort(wide ? 58 : 46) & 0xffff;
        shnum = buf.getShort(wide ? 60 : 48) & 0xffff;
    }

    long word(long at) {
        return wide ? buf.getLong((int) at) : buf.getInt((int) at) & 0xffffffffL;
    }

    // field offsets inside the ELF header
    int phoffField() { return wide ? 32 : 28; }
    int shoffField() { return wide ? 40 : 32; }
    int phentsizeField() { return wide ? 54 : 42; }
    int phnumField() { return wide ? 56 : 44; }
    int shentsizeField() { return wide ? 58 : 46; }
    int shnumField() { return wide ? 60 : 48; }
    int shstrndxField() { return wide ? 62 : 50; }

    /** A section header's position and the positions of its fields. */
    record Section(int index, long header, long type, long offset, long size, boolean wide) {
        long offsetField() { return header + (wide ? 24 : 16); }
        long sizeField() { return header + (wide ? 32 : 20); }
        long linkField() { return header + (wide ? 40 : 24); }
        long infoField() { return header + (wide ? 44 : 28); }
        long entsizeField() { return header + (wide ? 56 : 36); }
    }

    List<Section> sections() {
        List<Section> list = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            long h = shoff + (long) i * shentsize;
            long type = buf.getInt((int) h + 4) & 0xffffffffL;
            long offset = word(h + (wide ? 24 : 16));
            long size = word(h + (wide ? 32 : 20));
            list.add(new Section(i, h, type, offset, size, wide));
        }
        return list;
    }

    Section first(long type) {
        return sections().stream().filter(s -> s.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no section of type " + type));
    }

    static void putWord(byte[] data, long at, long value, boolean wide, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        if (wide) {
            b.putLong((int) at, value);
        } else {
            b.putInt((int) at, (int) value);
        }
    }

    void putWord(byte[] data, long at, long value) {
        putWord(data, at, value, wide, order);
    }

    void putU32(byte[] data, long at, long value) {
        ByteBuffer.wrap(data).order(order).putInt((int) at, (int) value);
    }

    void putU16(byte[] data, long at, int value) {
        ByteBuffer.wrap(data).order(order).putShort((int) at, (short) value);
    }

    long u32(long at) {
        return buf.getInt((int) at) & 0xffffffffL;
    }

    int u16(long at) {
        return buf.getShort((int) at) & 0xffff;
    }
}
