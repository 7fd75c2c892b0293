package io.nativebundle.contract;

/**
 * The size and natural alignment of each scalar type in C, for the targets of this release:
 * Linux on x86-64 and on aarch64, both LP64 (the System V psABI and the AAPCS64 agree for every
 * type of the vocabulary: {@code long} and pointers are 8 bytes, every scalar is aligned to its
 * size). The one place the loader, the wrapper and the API compute struct layouts from.
 */
public final class CScalars {

    private CScalars() {
    }

    /**
     * The size in bytes of {@code type} as a struct field or a value in memory; {@code boolean}
     * is a C {@code int}.
     *
     * @throws IllegalArgumentException for a type without a fixed size in memory
     *                                  ({@code void}, {@code string}, {@code buffer}, {@code struct})
     */
    public static int size(TypeName type) {
        switch (type) {
            case BYTE: case UBYTE: return 1;
            case SHORT: case USHORT: return 2;
            case INT: case UINT: case FLOAT: case BOOLEAN: return 4;
            case LONG: case ULONG: case DOUBLE: case POINTER: return 8;
            default: throw new IllegalArgumentException("a " + type.token() + " has no size of its own in memory");
        }
    }

    /** The natural alignment of {@code type}: its size on the LP64 targets. */
    public static int alignment(TypeName type) {
        return size(type);
    }
}
