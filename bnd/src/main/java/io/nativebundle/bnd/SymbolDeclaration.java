package io.nativebundle.bnd;

import io.nativebundle.contract.DeclaredSymbol;

/**
 * One symbol the bundle promises its library exports (a function with a signature, or a variable
 * with a type), and where the promise was made.
 *
 * @param symbol the symbol as {@code NativeBundle-Symbols} will state it
 * @param origin where the declaration came from, e.g. {@code MathLib.add} or
 *               {@code -nativebundle-symbols}, so that messages can point at it
 */
record SymbolDeclaration(DeclaredSymbol symbol, String origin) {

    String name() {
        return symbol.name();
    }

    DeclaredSymbol.Kind kind() {
        return symbol.kind();
    }

    /** {@code (int,int)int} for a function, the type (e.g. {@code int}) for a variable. */
    String signature() {
        return symbol.signature();
    }

    /** Same symbol, same kind and signature or type: origins and timeouts may differ. */
    boolean sameShape(SymbolDeclaration other) {
        return symbol.name().equals(other.symbol.name()) && symbol.kind() == other.symbol.kind()
            && symbol.signature().equals(other.symbol.signature());
    }
}
