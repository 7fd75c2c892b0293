package io.nativebundle.binary.internal;

/** One section header; offsets, sizes and addresses are unsigned. */
record SectionHeader(int index, String name, long type, long offset, long size, long link, long info,
        long addralign, long entsize) {

    static final long SHT_NULL = 0;
    static final long SHT_SYMTAB = 2;
    static final long SHT_STRTAB = 3;
    static final long SHT_DYNAMIC = 6;
    static final long SHT_NOTE = 7;
    static final long SHT_NOBITS = 8;
    static final long SHT_DYNSYM = 11;
    static final long SHT_GNU_VERNEED = 0x6ffffffeL;

    /** @return a label for messages, e.g. {@code "section [5] .dynsym"} */
    String label() {
        return "section [" + index + "] " + (name.isEmpty() ? "(unnamed)" : name);
    }
}
