package io.nativebundle.wrap.internal;

import io.nativebundle.contract.DeclaredSymbol;

/**
 * A symbol of the {@code [symbols]} or {@code [variables]} section, checked and normalized.
 *
 * @param symbol the name, kind and signature (or variable type) as {@code NativeBundle-Symbols} states them
 * @param at     where its name is in the descriptor, for a symbol the library does not export
 */
record SymbolEntry(DeclaredSymbol symbol, Position at) {

    String name() {
        return symbol.name();
    }

    boolean isFunction() {
        return symbol.kind() == DeclaredSymbol.Kind.FUNCTION;
    }
}
