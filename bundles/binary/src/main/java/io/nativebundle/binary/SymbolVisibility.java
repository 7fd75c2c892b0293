package io.nativebundle.binary;

/** The visibility of a symbol ({@code ELF_ST_VISIBILITY(st_other)}). */
public enum SymbolVisibility {
    DEFAULT, INTERNAL, HIDDEN, PROTECTED;

    /**
     * @param code {@code st_other}; only the low two bits count
     * @return the matching visibility
     */
    public static SymbolVisibility ofCode(int code) {
        return values()[code & 3];
    }
}
