package io.nativebundle.binary;

/** The ELF file class ({@code e_ident[EI_CLASS]}): the width of addresses and offsets. */
public enum ElfClass {
    ELF32(32),
    ELF64(64);

    private final int bits;

    ElfClass(int bits) {
        this.bits = bits;
    }

    /** @return 32 or 64 */
    public int bits() {
        return bits;
    }
}
