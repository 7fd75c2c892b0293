package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.ElfType;
import java.nio.ByteOrder;

/** The fields of the ELF file header that the rest of the parser needs; offsets are unsigned. */
record ElfHeader(ElfClass elfClass, ByteOrder byteOrder, int osAbi, ElfType type, ElfMachine machine,
        long phoff, int phentsize, int phnum, long shoff, int shentsize, int shnum, int shstrndx) {
}
