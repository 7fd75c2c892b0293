package io.nativebundle.binary.internal;

/** One {@code Elf_Dyn} entry and the file offset it was read from. */
record DynamicEntry(long tag, long value, long offset) {

    static final long DT_NULL = 0;
    static final long DT_NEEDED = 1;
    static final long DT_HASH = 4;
    static final long DT_STRTAB = 5;
    static final long DT_SYMTAB = 6;
    static final long DT_STRSZ = 10;
    static final long DT_SYMENT = 11;
    static final long DT_SONAME = 14;
    static final long DT_RPATH = 15;
    static final long DT_RUNPATH = 29;
    static final long DT_GNU_HASH = 0x6ffffef5L;
    static final long DT_VERNEED = 0x6ffffffeL;
    static final long DT_VERNEEDNUM = 0x6fffffffL;
}
