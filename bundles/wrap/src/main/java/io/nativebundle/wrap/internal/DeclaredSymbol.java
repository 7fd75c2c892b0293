package io.nativebundle.wrap.internal;

import io.nativebundle.api.NativeSymbol;

/**
 * A symbol of the {@code [symbols]} or {@code [variables]} section, checked and normalized.
 *
 * @param symbol the name, kind and signature (or variable type) as {@code NativeBundle-Symbols} states them
 * @param at     where its name is in the descriptor, for a symbol the library does not export
 */
record DeclaredSymbol(NativeSymbol symbol, Position at) {

    String name() {
        return symbol.name();
    }

    boolean isFunction() {
        return symbol.kind() == NativeSymbol.Kind.FUNCTION;
    }
}
