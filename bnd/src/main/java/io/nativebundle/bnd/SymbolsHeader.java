package io.nativebundle.bnd;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code NativeBundle-Symbols}: {@code add;signature="(int,int)int", counter;kind=variable;type=int}.
 * Functions carry no {@code kind} because function is the default; the signature is always quoted
 * because its commas and parentheses are not legal in an unquoted manifest value.
 */
final class SymbolsHeader {

    static final String HEADER = "NativeBundle-Symbols";

    private SymbolsHeader() {
    }

    static String format(List<SymbolDeclaration> symbols) {
        return symbols.stream().map(SymbolsHeader::clause).collect(Collectors.joining(", "));
    }

    private static String clause(SymbolDeclaration symbol) {
        if (symbol.kind() == SymbolDeclaration.Kind.VARIABLE) {
            return symbol.name() + ";kind=variable;type=" + symbol.signature();
        }
        return symbol.name() + ";signature=\"" + symbol.signature() + "\"";
    }
}
