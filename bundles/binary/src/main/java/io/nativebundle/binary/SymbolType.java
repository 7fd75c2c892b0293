package io.nativebundle.binary;

/** The type of a symbol ({@code ELF_ST_TYPE(st_info)}). */
public enum SymbolType {
    NOTYPE, OBJECT, FUNC, SECTION, FILE, COMMON, TLS, GNU_IFUNC, OTHER;

    /**
     * @param code the low four bits of {@code st_info}
     * @return the matching type, {@link #OTHER} if unknown
     */
    public static SymbolType ofCode(int code) {
        switch (code) {
            case 0: return NOTYPE;
            case 1: return OBJECT;
            case 2: return FUNC;
            case 3: return SECTION;
            case 4: return FILE;
            case 5: return COMMON;
            case 6: return TLS;
            case 10: return GNU_IFUNC;
            default: return OTHER;
        }
    }
}
