package io.nativebundle.api;

import java.util.Objects;

/**
 * One symbol a native library exports, as declared in {@code NativeBundle-Symbols}.
 *
 * @param name      the symbol name in the dynamic symbol table, e.g. {@code add}
 * @param kind      a function or a variable
 * @param signature {@code (int,int)int} for a function; the type, e.g. {@code int}, for a variable
 */
public record NativeSymbol(String name, Kind kind, String signature) {

    /** What a symbol is. */
    public enum Kind {
        /** An exported function. */
        FUNCTION,
        /** An exported data symbol (a global variable). */
        VARIABLE
    }

    public NativeSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String toString() {
        return kind == Kind.FUNCTION ? name + signature : name + ":" + signature;
    }
}
