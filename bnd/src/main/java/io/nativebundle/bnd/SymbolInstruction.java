package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.List;

import aQute.bnd.osgi.Processor;

import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;
import io.nativebundle.contract.SymbolsHeader;

/**
 * Reads the {@code -nativebundle-symbols} instruction: symbols without a Java method, e.g.
 * {@code counter;kind=variable;type=int, raw_fn;signature="(pointer,long)int"}. Its clauses are
 * those of {@code NativeBundle-Symbols}, read by the contract's grammar, so what the build accepts
 * is what the loader accepts.
 *
 * <p>Like other bnd merged instructions, {@code -nativebundle-symbols.<suffix>} keys are added to it,
 * so a parent configuration and a bundle's {@code bnd.bnd} can both contribute.
 */
final class SymbolInstruction {

    static final String INSTRUCTION = "-nativebundle-symbols";

    private SymbolInstruction() {
    }

    /** The declared symbols in instruction order; reports every malformed clause. */
    static List<SymbolDeclaration> parse(Processor processor) {
        String value = processor.mergeProperties(INSTRUCTION);
        List<SymbolDeclaration> symbols = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return symbols;
        }
        List<HeaderClause> clauses;
        try {
            clauses = ManifestHeader.parse(INSTRUCTION, value);
        } catch (MalformedHeaderException e) {
            processor.error("%s", e.getMessage()).header(INSTRUCTION);
            return symbols;
        }
        for (HeaderClause clause : clauses) {
            for (String name : clause.paths()) {
                try {
                    symbols.add(new SymbolDeclaration(SymbolsHeader.symbol(INSTRUCTION, name, clause), INSTRUCTION));
                } catch (MalformedHeaderException e) {
                    processor.error("%s", e.getMessage()).header(INSTRUCTION);
                }
            }
        }
        return symbols;
    }
}
