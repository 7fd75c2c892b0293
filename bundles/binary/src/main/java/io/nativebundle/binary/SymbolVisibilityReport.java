package io.nativebundle.binary;

/**
 * Why a symbol is, or is not, exported by a library: the answer of {@link ElfFile#explainMissing(String)}.
 *
 * @param symbol the symbol asked about
 * @param status the verdict
 * @param reason a sentence for people, saying what was found and how to fix it
 */
public record SymbolVisibilityReport(String symbol, Status status, String reason) {

    /** The verdict on one symbol. */
    public enum Status {
        /** Defined, global or weak, default or protected visibility, in {@code .dynsym}: callable. */
        EXPORTED,
        /** Defined with hidden or internal visibility (e.g. {@code -fvisibility=hidden}). */
        HIDDEN,
        /** Defined with local binding: a {@code static} function or variable, or localized by a version script. */
        LOCAL,
        /** Only referenced here, never defined: it is expected from another library. */
        UNDEFINED,
        /** Not found in any symbol table of the file. */
        ABSENT
    }
}
