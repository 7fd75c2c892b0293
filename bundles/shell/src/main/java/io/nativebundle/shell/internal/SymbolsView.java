package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;

/** The output of {@code native:symbols}: the declared symbols of a loaded library with kind and signature. */
final class SymbolsView {

    private SymbolsView() {
    }

    static String table(NativeLibrary library) {
        if (library.symbols().isEmpty()) {
            return library.name() + " declares no symbols";
        }
        Table table = Table.withHeaders("SYMBOL", "KIND", "SIGNATURE");
        for (NativeSymbol s : library.symbols()) {
            table.row(s.name(), kind(s), s.signature());
        }
        return table.toString();
    }

    static String json(NativeLibrary library) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("library", library.name());
        o.put("version", library.version().toString());
        o.put("namespace", library.namespace());
        o.put("bundle", library.bundleId());
        o.put("generation", library.generation());
        o.put("symbols", symbols(library));
        return Json.pretty(o);
    }

    /** One JSON object per symbol; functions also carry their parameter and return types. */
    static List<Object> symbols(NativeLibrary library) {
        List<Object> list = new ArrayList<>();
        for (NativeSymbol s : library.symbols()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("kind", kind(s));
            o.put("signature", s.signature());
            if (s.kind() == NativeSymbol.Kind.FUNCTION) {
                try {
                    NativeSignature sig = NativeSignature.parse(s.signature());
                    o.put("parameters", sig.parameters().stream().map(NativeType::token).toList());
                    o.put("returns", sig.returnType().token());
                } catch (IllegalArgumentException malformed) {
                    // the signature is shown as declared; the loader reports why it does not parse
                }
            } else {
                o.put("type", s.signature());
            }
            list.add(o);
        }
        return list;
    }

    /** {@code add(int,int)int, counter:int}: the symbols in one line, for error messages. */
    static String inline(NativeLibrary library) {
        return library.symbols().stream().map(NativeSymbol::toString).reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    private static String kind(NativeSymbol s) {
        return s.kind().name().toLowerCase(Locale.ROOT);
    }
}
