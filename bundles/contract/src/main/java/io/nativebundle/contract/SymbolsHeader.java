package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The grammar of {@code NativeBundle-Symbols} (and of the bnd plugin's {@code -nativebundle-symbols},
 * which has the same clauses):
 * <pre>
 * NativeBundle-Symbols: add;signature="(int,int)int", greet;signature="(string)string", counter;kind=variable;type=int
 * </pre>
 * A clause names one or more symbols (C identifiers). {@code kind} is {@code function} (the
 * default), with a {@code signature} in the {@link SignatureParser} grammar and optionally a
 * {@code timeout} (a {@link Amounts duration}, for when the library runs out of process) and
 * {@code leaf=true} ({@link DeclaredSymbol#asLeaf()}), or {@code variable}, with a {@code type} a
 * variable may have.
 */
public final class SymbolsHeader {

    private SymbolsHeader() {
    }

    /**
     * Reads {@code NativeBundle-Symbols}.
     *
     * @throws MalformedHeaderException at the first clause that breaks the grammar
     */
    public static List<DeclaredSymbol> parse(String text) throws MalformedHeaderException {
        return parse(Headers.SYMBOLS, text);
    }

    /**
     * Reads a header or instruction of this grammar named {@code header} (for messages).
     *
     * @throws MalformedHeaderException at the first clause that breaks the grammar
     */
    public static List<DeclaredSymbol> parse(String header, String text) throws MalformedHeaderException {
        List<DeclaredSymbol> symbols = new ArrayList<>();
        for (HeaderClause clause : ManifestHeader.parse(header, text)) {
            for (String name : clause.paths()) {
                symbols.add(symbol(header, name, clause));
            }
        }
        return symbols;
    }

    /**
     * One symbol of a clause, for a reader that reports each bad clause on its own.
     *
     * @throws MalformedHeaderException naming the symbol, what was expected and what was found
     */
    public static DeclaredSymbol symbol(String header, String name, HeaderClause clause)
            throws MalformedHeaderException {
        if (!CIdentifier.isValid(name)) {
            throw new MalformedHeaderException(header + ": '" + name + "' is not a C symbol name; expected letters,"
                    + " digits and '_', not starting with a digit");
        }
        String kind = clause.attribute(Headers.ATTR_KIND).orElse(Headers.KIND_FUNCTION);
        if (kind.equals(Headers.KIND_FUNCTION)) {
            String signature = clause.attribute(Headers.ATTR_SIGNATURE).orElseThrow(() -> new MalformedHeaderException(
                    header + ": function '" + name + "' has no signature; write " + name
                            + ";signature=\"(int,int)int\""));
            DeclaredSymbol function;
            try {
                function = DeclaredSymbol.function(name, SignatureParser.parse(signature));
            } catch (SignatureException e) {
                throw new MalformedHeaderException(header + ": function '" + name + "': " + e.getMessage());
            }
            Optional<String> timeout = clause.attribute(Headers.ATTR_TIMEOUT);
            if (timeout.isPresent()) {
                function = function.withTimeout(Amounts.duration(timeout.get()).orElseThrow(() -> new MalformedHeaderException(
                        header + ": function '" + name + "': timeout '" + timeout.get().strip() + "' is not a duration;"
                                + " expected " + Amounts.DURATION_FORM)));
            }
            if (!leaf(header, name, clause)) {
                return function;
            }
            try {
                return function.asLeaf();
            } catch (IllegalArgumentException e) {
                throw new MalformedHeaderException(header + ": " + e.getMessage());
            }
        }
        if (kind.equals(Headers.KIND_VARIABLE)) {
            String type = clause.attribute(Headers.ATTR_TYPE).orElseThrow(() -> new MalformedHeaderException(
                    header + ": variable '" + name + "' has no type; write " + name + ";kind=variable;type=int"));
            if (clause.attribute(Headers.ATTR_TIMEOUT).isPresent()) {
                throw new MalformedHeaderException(header + ": variable '" + name + "' has a timeout; only a function"
                        + " call can run too long");
            }
            if (leaf(header, name, clause)) {
                throw new MalformedHeaderException(header + ": variable '" + name + "' is declared a leaf; only a"
                        + " function is called");
            }
            if (clause.attribute(Headers.ATTR_SIGNATURE).isPresent()) {
                throw new MalformedHeaderException(header + ": variable '" + name + "' has a signature; a variable"
                        + " has a type only, e.g. " + name + ";kind=variable;type=int");
            }
            try {
                return DeclaredSymbol.variable(name, SignatureParser.variableType(type));
            } catch (SignatureException e) {
                throw new MalformedHeaderException(header + ": variable '" + name + "': " + e.getMessage());
            }
        }
        throw new MalformedHeaderException(header + ": symbol '" + name + "' has kind '" + kind + "'; expected '"
                + Headers.KIND_FUNCTION + "' (the default) or '" + Headers.KIND_VARIABLE + "'");
    }

    /** {@code leaf}: {@code true} or {@code false}, absent meaning {@code false}. */
    private static boolean leaf(String header, String name, HeaderClause clause) throws MalformedHeaderException {
        Optional<String> leaf = clause.attribute(Headers.ATTR_LEAF).map(String::strip);
        if (leaf.isEmpty() || leaf.get().equals("false")) {
            return false;
        }
        if (leaf.get().equals("true")) {
            return true;
        }
        throw new MalformedHeaderException(header + ": symbol '" + name + "': leaf '" + leaf.get()
                + "' is not a truth value; expected true or false");
    }

    /** The header value: the symbols' clauses in order, separated by {@code ", "}. */
    public static String format(List<DeclaredSymbol> symbols) {
        return symbols.stream().map(DeclaredSymbol::clause).collect(Collectors.joining(", "));
    }
}
