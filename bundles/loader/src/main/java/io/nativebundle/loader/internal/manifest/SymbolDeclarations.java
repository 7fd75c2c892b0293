package io.nativebundle.loader.internal.manifest;

import java.util.ArrayList;
import java.util.List;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;

/** Reads {@code NativeBundle-Symbols} into {@link NativeSymbol}s, in declaration order. */
public final class SymbolDeclarations {

    private static final String HEADER = NativeBundleConstants.HEADER_SYMBOLS;

    private SymbolDeclarations() {
    }

    public static List<NativeSymbol> parse(String header) throws MalformedHeaderException {
        List<NativeSymbol> symbols = new ArrayList<>();
        for (HeaderClause clause : HeaderParser.parse(HEADER, header)) {
            for (String name : clause.paths()) {
                symbols.add(symbol(name, clause));
            }
        }
        return symbols;
    }

    private static NativeSymbol symbol(String name, HeaderClause clause) throws MalformedHeaderException {
        String kind = clause.attribute(NativeBundleConstants.ATTR_KIND).orElse("function");
        switch (kind) {
            case "function":
                String signature = clause.attribute(NativeBundleConstants.ATTR_SIGNATURE).orElseThrow(() ->
                        new MalformedHeaderException(HEADER + ": function '" + name + "' has no signature attribute"));
                return new NativeSymbol(name, NativeSymbol.Kind.FUNCTION, signature);
            case "variable":
                String type = clause.attribute(NativeBundleConstants.ATTR_TYPE).orElseThrow(() ->
                        new MalformedHeaderException(HEADER + ": variable '" + name + "' has no type attribute"));
                return new NativeSymbol(name, NativeSymbol.Kind.VARIABLE, type);
            default:
                throw new MalformedHeaderException(HEADER + ": symbol '" + name + "' has kind '" + kind
                        + "', expected 'function' or 'variable'");
        }
    }
}
