package io.nativebundle.shell.internal;

import java.util.Optional;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeSymbol.Kind;

/**
 * Explains why no service was found for {@code <library> <symbol>}: the library is not loaded,
 * it does not export the symbol, the symbol is of the other kind, or nobody published it.
 */
final class SymbolErrors {

    private SymbolErrors() {
    }

    /** Why {@code native:call library symbol} found no {@code NativeFunction}. */
    static RuntimeException noFunction(Libraries libraries, String library, String symbol) {
        NativeLibrary lib = libraries.active(library);
        Optional<NativeSymbol> declared = declared(lib, symbol);
        if (declared.isEmpty()) {
            return notExported(lib, symbol);
        }
        NativeSymbol s = declared.get();
        if (s.kind() == Kind.VARIABLE) {
            return new IllegalArgumentException("'" + symbol + "' is a variable of " + lib.name() + " (" + s.signature()
                    + "), not a function; read it with native:get " + library + " " + symbol
                    + ", write it with native:set " + library + " " + symbol + " <value>");
        }
        return new IllegalStateException(lib.name() + " declares " + s + ", but no NativeFunction service is"
                + " registered for it; the loader of this runtime does not publish functions by name");
    }

    /** Why {@code native:get/set library symbol} found no {@code NativeVariable}. */
    static RuntimeException noVariable(Libraries libraries, String library, String symbol) {
        NativeLibrary lib = libraries.active(library);
        Optional<NativeSymbol> declared = declared(lib, symbol);
        if (declared.isEmpty()) {
            return notExported(lib, symbol);
        }
        NativeSymbol s = declared.get();
        if (s.kind() == Kind.FUNCTION) {
            return new IllegalArgumentException("'" + symbol + "' is a function of " + lib.name() + " " + s
                    + ", not a variable; call it with native:call " + library + " " + symbol
                    + (s.signature().startsWith("()") ? "" : " <arguments>"));
        }
        return new IllegalStateException(lib.name() + " declares the variable " + s + ", but no NativeVariable"
                + " service is registered for it; the loader of this runtime does not publish variables");
    }

    private static IllegalArgumentException notExported(NativeLibrary lib, String symbol) {
        return new IllegalArgumentException("the symbol '" + symbol + "' is not exported by " + lib.name() + " "
                + lib.version() + "; its symbols: " + SymbolsView.inline(lib));
    }

    private static Optional<NativeSymbol> declared(NativeLibrary lib, String symbol) {
        return lib.symbols().stream().filter(s -> s.name().equals(symbol)).findFirst();
    }
}
