package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aQute.bnd.osgi.Analyzer;

import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.LibraryDeclaration;

/**
 * The complete symbol list of a bundle: the methods of the declared Java interface followed by
 * the {@code -nativebundle-symbols} extras. An extra of the same shape as a method may give it a
 * timeout: {@code -nativebundle-symbols: spin;signature="()void";timeout=250ms}.
 */
final class DeclaredSymbols {

    private DeclaredSymbols() {
    }

    /** Collects the symbols; a name declared twice with different shapes is an error. */
    static List<SymbolDeclaration> collect(Analyzer analyzer, LibraryDeclaration library) throws Exception {
        Map<String, SymbolDeclaration> symbols = new LinkedHashMap<>();
        if (library.interfaceName().isPresent()) {
            for (SymbolDeclaration d : new InterfaceSignatures(analyzer).derive(library.interfaceName().get())) {
                symbols.put(d.name(), d);
            }
        }
        for (SymbolDeclaration extra : SymbolInstruction.parse(analyzer)) {
            SymbolDeclaration previous = symbols.putIfAbsent(extra.name(), extra);
            if (previous != null && previous.sameShape(extra) && extra.symbol().timeout().isPresent()) {
                symbols.put(extra.name(), extra);
            } else if (previous != null && !previous.sameShape(extra)) {
                analyzer.error("%s: symbol '%s' %s conflicts with %s %s", SymbolInstruction.INSTRUCTION,
                    extra.name(), describe(extra), previous.origin(), describe(previous))
                    .header(SymbolInstruction.INSTRUCTION);
            }
        }
        if (symbols.isEmpty()) {
            analyzer.warning("%s: library '%s' declares no symbols; name a Java interface (interface=...) or add %s",
                Headers.LIBRARY, library.name(), SymbolInstruction.INSTRUCTION);
        }
        return new ArrayList<>(symbols.values());
    }

    private static String describe(SymbolDeclaration d) {
        return d.kind() == DeclaredSymbol.Kind.VARIABLE ? "(variable of type " + d.signature() + ")"
            : "(function " + d.signature() + ")";
    }
}
