package io.nativebundle.binary;

/** The ELF object file type ({@code e_type}); a plugin library is {@link #DYN}. */
public enum ElfType {
    NONE, REL, EXEC, DYN, CORE, OTHER;

    /**
     * @param code an {@code e_type} value
     * @return the matching type, {@link #OTHER} for OS- or processor-specific values
     */
    public static ElfType ofCode(int code) {
        switch (code) {
            case 0: return NONE;
            case 1: return REL;
            case 2: return EXEC;
            case 3: return DYN;
            case 4: return CORE;
            default: return OTHER;
        }
    }
}
