package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** {@code leaf=true} of {@code NativeBundle-Symbols}: the one rule of a leaf, and its clause. */
public class LeafSymbolTest {

    @Test
    public void aFunctionMayBeDeclaredALeafAndTheClauseSaysSo() throws Exception {
        List<DeclaredSymbol> symbols = SymbolsHeader.parse("add;signature=\"(int,int)int\";leaf=true,"
                + " spin;signature=\"()void\";timeout=250ms;leaf=true, mul;signature=\"(int,int)int\";leaf=false");
        assertTrue(symbols.get(0).leaf());
        assertTrue(symbols.get(1).leaf());
        assertEquals("250ms", Amounts.format(symbols.get(1).timeout().orElseThrow()));
        assertFalse("false is the default", symbols.get(2).leaf());
        assertEquals("add;signature=\"(int,int)int\";leaf=true, spin;signature=\"()void\";timeout=250ms;leaf=true,"
                + " mul;signature=\"(int,int)int\"", SymbolsHeader.format(symbols));
        assertEquals("the clause reads back to the same symbols", symbols, SymbolsHeader.parse(SymbolsHeader.format(symbols)));
        assertFalse(symbols.get(0).equals(DeclaredSymbol.function("add", SignatureParser.parse("(int,int)int"))));
    }

    @Test
    public void aLeafWithACallbackParameterIsRefusedNamingTheCallback() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class, () -> SymbolsHeader.parse(
                "qsort;signature=\"(pointer,ulong,ulong,comparator(pointer,pointer)int)void\";leaf=true"));
        assertEquals("NativeBundle-Symbols: function 'qsort' is declared a leaf and takes the callback comparator"
                + " (parameter 4); a leaf never calls back into Java: remove leaf or the callback", e.getMessage());
    }

    @Test
    public void aVariableIsNoLeafAndLeafIsTrueOrFalse() {
        MalformedHeaderException variable = assertThrows(MalformedHeaderException.class,
                () -> SymbolsHeader.parse("counter;kind=variable;type=int;leaf=true"));
        assertEquals("NativeBundle-Symbols: variable 'counter' is declared a leaf; only a function is called",
                variable.getMessage());
        MalformedHeaderException value = assertThrows(MalformedHeaderException.class,
                () -> SymbolsHeader.parse("add;signature=\"(int,int)int\";leaf=yes"));
        assertEquals("NativeBundle-Symbols: symbol 'add': leaf 'yes' is not a truth value; expected true or false",
                value.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DeclaredSymbol.variable("counter", SignatureParser.variableType("int")).asLeaf());
    }
}
