package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.wrap.DescriptorException;

/** {@code leaf = add, mul}: the descriptor's way to declare leaf functions, by the contract's rule. */
public class DescriptorLeafTest {

    private static final Path FILE = Path.of("/plugins/libfoo.nativebundle");

    private static List<DeclaredSymbol> symbols(String... lines) throws DescriptorException {
        return DescriptorParser.parse(FILE, String.join("\n", lines)).symbols().stream().map(SymbolEntry::symbol).toList();
    }

    private static DescriptorException refused(String... lines) {
        return assertThrows(DescriptorException.class, () -> symbols(lines));
    }

    @Test
    public void theNamedFunctionsAreLeavesInTheHeader() throws Exception {
        List<DeclaredSymbol> symbols = symbols("library = foo", "version = 1", "leaf = add, noop",
                "[symbols]", "add = (int,int)int", "greet = (string)string", "noop = ()void",
                "[variables]", "counter = int");
        assertTrue(symbols.get(0).leaf());
        assertFalse(symbols.get(1).leaf());
        assertTrue(symbols.get(2).leaf());
        assertEquals("add;signature=\"(int,int)int\";leaf=true, greet;signature=\"(string)string\","
                + " noop;signature=\"()void\";leaf=true, counter;kind=variable;type=int", SymbolsHeader.format(symbols));
    }

    @Test
    public void aLeafMustNameAFunctionOnce() {
        DescriptorException variable = refused("library = foo", "version = 1", "leaf = counter",
                "[variables]", "counter = int");
        assertEquals("libfoo.nativebundle:3:8: leaf 'counter' is not a function under [symbols]; expected the names"
                + " of functions, separated by commas: leaf = add, mul", variable.getMessage());
        DescriptorException empty = refused("library = foo", "version = 1", "leaf = add,", "[symbols]", "add = (int,int)int");
        assertEquals("leaf '' is not a function under [symbols]; expected the names of functions, separated by"
                + " commas: leaf = add, mul", empty.reason());
        DescriptorException twice = refused("library = foo", "version = 1", "leaf = add, add", "[symbols]",
                "add = (int,int)int");
        assertEquals("leaf 'add' is named twice", twice.reason());
    }

    @Test
    public void aLeafWithACallbackIsRefused() {
        DescriptorException e = refused("library = c", "version = 1", "leaf = qsort",
                "[callbacks]", "comparator = (pointer, pointer)int",
                "[symbols]", "qsort = (pointer base, size_t n, size_t size, comparator cmp)void");
        assertEquals(3, e.line());
        assertEquals("function 'qsort' is declared a leaf and takes the callback comparator (parameter 4); a leaf"
                + " never calls back into Java: remove leaf or the callback", e.reason());
    }
}
