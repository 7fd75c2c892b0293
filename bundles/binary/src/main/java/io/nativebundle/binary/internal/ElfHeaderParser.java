package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.ElfType;
import java.nio.ByteOrder;

/** Reads {@code e_ident} and the file header, and checks what can be checked without the tables. */
final class ElfHeaderParser {

    private static final int EI_NIDENT = 16;
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};

    private ElfHeaderParser() {
    }

    /** @return the header; the magic, class, encoding and version are known to be supported */
    static ElfHeader parse(byte[] data, String file) throws ElfFormatException {
        ByteReader raw = new ByteReader(data, file, ByteOrder.LITTLE_ENDIAN, false);
        raw.require(0, EI_NIDENT, "ELF identification (e_ident)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                throw raw.error(i, "not an ELF file: expected magic 7f 45 4c 46 (\\x7fELF) at offset 0x0, found "
                        + String.format("%02x %02x %02x %02x", data[0], data[1], data[2], data[3]));
            }
        }
        ElfClass elfClass = switch (data[4]) {
            case 1 -> ElfClass.ELF32;
            case 2 -> ElfClass.ELF64;
            default -> throw raw.error(4, "unsupported ELF class " + (data[4] & 0xff)
                    + " at offset 0x4 (e_ident[EI_CLASS]); expected 1 (ELF32) or 2 (ELF64)");
        };
        ByteOrder order = switch (data[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw raw.error(5, "unsupported ELF data encoding " + (data[5] & 0xff)
                    + " at offset 0x5 (e_ident[EI_DATA]); expected 1 (little-endian) or 2 (big-endian)");
        };
        if (data[6] != 1) {
            throw raw.error(6, "unsupported ELF version " + (data[6] & 0xff)
                    + " at offset 0x6 (e_ident[EI_VERSION]); expected 1 (EV_CURRENT)");
        }
        boolean wide = elfClass == ElfClass.ELF64;
        ByteReader in = new ByteReader(data, file, order, wide);
        in.require(0, wide ? 64 : 52, "ELF header");
        int w = wide ? 8 : 4;
        long phoff = in.word(24 + w, "e_phoff");
        long shoff = in.word(24 + 2 * w, "e_shoff");
        int rest = 24 + 3 * w + 4; // after e_entry, e_phoff, e_shoff, e_flags
        return new ElfHeader(elfClass, order, data[7] & 0xff,
                ElfType.ofCode(in.u16(16, "e_type")),
                ElfMachine.ofCode(in.u16(18, "e_machine")),
                phoff, in.u16(rest + 2, "e_phentsize"), in.u16(rest + 4, "e_phnum"),
                shoff, in.u16(rest + 6, "e_shentsize"), in.u16(rest + 8, "e_shnum"), in.u16(rest + 10, "e_shstrndx"));
    }
}
