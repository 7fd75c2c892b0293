package io.nativebundle.binary.internal;

/** One program header (segment); offsets, sizes and addresses are unsigned. */
record ProgramHeader(int index, long type, long offset, long vaddr, long filesz, long align) {

    static final long PT_LOAD = 1;
    static final long PT_DYNAMIC = 2;
    static final long PT_INTERP = 3;
    static final long PT_NOTE = 4;

    String label() {
        return "program header [" + index + "]";
    }
}
