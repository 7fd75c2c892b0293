package io.nativebundle.binary;

/** The binding of a symbol ({@code ELF_ST_BIND(st_info)}). */
public enum SymbolBinding {
    LOCAL, GLOBAL, WEAK, GNU_UNIQUE, OTHER;

    /**
     * @param code the high four bits of {@code st_info}
     * @return the matching binding, {@link #OTHER} if unknown
     */
    public static SymbolBinding ofCode(int code) {
        switch (code) {
            case 0: return LOCAL;
            case 1: return GLOBAL;
            case 2: return WEAK;
            case 10: return GNU_UNIQUE;
            default: return OTHER;
        }
    }
}
