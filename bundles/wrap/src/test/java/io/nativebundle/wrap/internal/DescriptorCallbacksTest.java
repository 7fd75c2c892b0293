package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.wrap.DescriptorException;

/** A descriptor's [callbacks]: declared by name, used as parameter types, written out in the header; errors at their place. */
public class DescriptorCallbacksTest {

    private static final Path FILE = Path.of("/plugins/c.nativebundle");

    private static Descriptor parse(String... lines) throws DescriptorException {
        return DescriptorParser.parse(FILE, String.join("\n", lines));
    }

    @Test
    public void callbacksAreDeclaredOnceAndWrittenOutInTheHeader() throws Exception {
        Descriptor d = parse(
                "library = c",
                "version = \"[2.17,3)\"",
                "system = libc.so.6",
                "[symbols]",
                "qsort = (pointer base, size_t n, size_t size, comparator cmp)void   # declared below",
                "[callbacks]",
                "comparator = (pointer, pointer)int");
        assertEquals(List.of("qsort(pointer base,ulong n,ulong size,comparator(pointer,pointer)int cmp)void"),
                d.symbols().stream().map(s -> s.symbol().toString()).toList());
        String header = SymbolsHeader.format(d.symbols().stream().map(SymbolEntry::symbol).toList());
        assertEquals(d.symbols().stream().map(SymbolEntry::symbol).toList(), SymbolsHeader.parse(header));
        assertTrue(header, header.contains("comparator(pointer,pointer)int cmp)void"));
    }

    @Test
    public void errorsNameTheirLineAndColumn() {
        DescriptorException type = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[callbacks]", "cb = (string)int"));
        assertEquals("c.nativebundle:4:6: callback cb cannot take string; a callback takes byte, short, int, long,"
                + " float, double, boolean, pointer, ubyte, ushort, uint, ulong (void as the result)", type.getMessage());
        DescriptorException twice = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[callbacks]", "cb = (int)int", "cb = (long)long"));
        assertEquals("c.nativebundle:5:1: duplicate callback 'cb'; it is already declared on line 4", twice.getMessage());
        DescriptorException clash = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[structs]", "pair = { a: int }", "[callbacks]", "pair = (int)int"));
        assertEquals("c.nativebundle:6:1: callback 'pair' has the name of the struct declared on line 4; a type name"
                + " means one type", clash.getMessage());
        DescriptorException result = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[callbacks]", "cb = (int)int", "[symbols]", "f = ()cb"));
        assertEquals("c.nativebundle:6:7: a callback ('cb') is only a parameter type, not a return type",
                result.getMessage());
        DescriptorException name = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[callbacks]", "int = (int)int"));
        assertEquals("c.nativebundle:4:1: callback name 'int' is not a C identifier or is a type of the grammar",
                name.getMessage());
    }
}
