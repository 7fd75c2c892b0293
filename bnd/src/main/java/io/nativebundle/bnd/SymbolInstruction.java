package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Processor;

/**
 * Reads the {@code -nativebundle-symbols} instruction: symbols without a Java method, e.g.
 * {@code counter;kind=variable;type=int, raw_fn;signature="(pointer,long)int"}.
 *
 * <p>Like other bnd merged instructions, {@code -nativebundle-symbols.<suffix>} keys are added to it,
 * so a parent configuration and a bundle's {@code bnd.bnd} can both contribute.
 */
final class SymbolInstruction {

    static final String INSTRUCTION = "-nativebundle-symbols";
    static final String KIND = "kind";
    static final String SIGNATURE = "signature";
    static final String TYPE = "type";

    private SymbolInstruction() {
    }

    /** The declared symbols in instruction order; reports every malformed clause. */
    static List<SymbolDeclaration> parse(Processor processor) {
        String value = processor.mergeProperties(INSTRUCTION);
        List<SymbolDeclaration> symbols = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return symbols;
        }
        for (Map.Entry<String, Attrs> clause : new Parameters(value, processor, true).entrySet()) {
            String name = Processor.removeDuplicateMarker(clause.getKey());
            try {
                symbols.add(declaration(name, clause.getValue()));
            } catch (IllegalArgumentException e) {
                processor.error("%s: %s", INSTRUCTION, e.getMessage()).header(INSTRUCTION);
            }
        }
        return symbols;
    }

    private static SymbolDeclaration declaration(String name, Attrs attrs) {
        String kind = attrs.get(KIND, SymbolDeclaration.Kind.FUNCTION.token());
        if (kind.equals(SymbolDeclaration.Kind.VARIABLE.token())) {
            String type = attrs.get(TYPE);
            if (type == null || attrs.containsKey(SIGNATURE)) {
                throw new IllegalArgumentException("variable '" + name + "' needs type=<type> and no signature, "
                    + "e.g. " + name + ";kind=variable;type=int");
            }
            return Signatures.variable(name, type, INSTRUCTION);
        }
        if (!kind.equals(SymbolDeclaration.Kind.FUNCTION.token())) {
            throw new IllegalArgumentException("symbol '" + name + "' has kind=" + kind
                + "; the kinds are function (the default) and variable");
        }
        String signature = attrs.get(SIGNATURE);
        if (signature == null) {
            throw new IllegalArgumentException("function '" + name + "' needs a signature, e.g. " + name
                + ";signature=\"(int,int)int\"");
        }
        return Signatures.function(name, signature, INSTRUCTION);
    }
}
