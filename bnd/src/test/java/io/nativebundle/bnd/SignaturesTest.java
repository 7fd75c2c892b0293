package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import aQute.bnd.osgi.Processor;

import io.nativebundle.contract.Signature;
import io.nativebundle.contract.TypeName;

/**
 * The signature syntax of -nativebundle-symbols: the contract's grammar, as the plugin reports it.
 */
public class SignaturesTest {

    @Test
    public void parsesParametersAndResult() throws Exception {
        SymbolDeclaration d = only("raw_fn;signature=\" (pointer, long) int\"");

        Signature s = d.symbol().functionSignature().orElseThrow();
        assertEquals(List.of(TypeName.POINTER, TypeName.LONG), s.parameters());
        assertEquals(TypeName.INT, s.returnType());
        assertEquals("(pointer,long)int", d.signature());
        assertEquals(SymbolInstruction.INSTRUCTION, d.origin());
    }

    @Test
    public void emptyParenthesesMeanNoParameters() throws Exception {
        assertEquals("()void", only("reset;signature=\"()void\"").signature());
    }

    @Test
    public void voidParameterIsRejected() throws Exception {
        assertEquals(List.of("-nativebundle-symbols: function 'reset': signature '(void)void', column 2: void is not "
            + "a parameter type; write () for a function without parameters"), errors("reset;signature=\"(void)void\""));
    }

    @Test
    public void missingResultIsRejected() throws Exception {
        assertEquals(List.of("-nativebundle-symbols: function 'add': signature '(int,int)', column 10: expected a "
            + "return type after ')' but found the end of the signature; write void for none"),
            errors("add;signature=\"(int,int)\""));
    }

    @Test
    public void voidVariableIsRejected() throws Exception {
        assertEquals(List.of("-nativebundle-symbols: variable 'nothing': type 'void', column 1: a variable cannot be "
            + "of type void; expected one of byte, short, int, long, float, double, pointer"),
            errors("nothing;kind=variable;type=void"));
    }

    @Test
    public void aVariableTheLoaderCannotReadIsRejected() throws Exception {
        assertEquals(List.of("-nativebundle-symbols: variable 'name': type 'string', column 1: a variable cannot be "
            + "of type string; expected one of byte, short, int, long, float, double, pointer"),
            errors("name;kind=variable;type=string"));
    }

    private static SymbolDeclaration only(String instruction) throws Exception {
        try (Processor p = new Processor()) {
            p.setProperty(SymbolInstruction.INSTRUCTION, instruction);
            List<SymbolDeclaration> symbols = SymbolInstruction.parse(p);
            assertEquals(List.of(), p.getErrors());
            assertEquals(1, symbols.size());
            return symbols.get(0);
        }
    }

    private static List<String> errors(String instruction) throws Exception {
        try (Processor p = new Processor()) {
            p.setProperty(SymbolInstruction.INSTRUCTION, instruction);
            assertEquals(List.of(), SymbolInstruction.parse(p));
            return p.getErrors();
        }
    }
}
