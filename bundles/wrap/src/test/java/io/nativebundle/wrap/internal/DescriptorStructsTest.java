package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.wrap.DescriptorException;

/** A descriptor's [structs], named and out-parameters, unsigned types and errno; errors at their line and column. */
public class DescriptorStructsTest {

    private static final Path FILE = Path.of("/plugins/c.nativebundle");

    private static Descriptor parse(String... lines) throws DescriptorException {
        return DescriptorParser.parse(FILE, String.join("\n", lines));
    }

    @Test
    public void structsAreDeclaredOnceAndWrittenOutInTheHeader() throws Exception {
        Descriptor d = parse(
                "library = c",
                "version = \"[2.17,3)\"",
                "system = libc.so.6",
                "version-symbol = gnu_get_libc_version",
                "[symbols]",
                "div = (int, int)div_t          # a struct may be declared after its use",
                "frexp = (double x, out int exp)double",
                "gettimeofday = (out timeval tv, pointer)int",
                "strtoul = (string, pointer, int)size_t errno",
                "snprintf = (inout byte[] dst, size_t n, string fmt, ..., int, double)int",
                "[structs]",
                "div_t = { quot: int, rem: int } size=8",
                "timeval = { tv_sec: long, tv_usec: long }",
                "pair = { a: div_t, b: byte[3] }");
        assertEquals(List.of("div(int,int)div_t{quot:int,rem:int}size=8", "frexp(double x,out int exp)double",
                "gettimeofday(out timeval{tv_sec:long,tv_usec:long} tv,pointer)int",
                "strtoul(string,pointer,int)ulong errno",
                "snprintf(inout byte[] dst,ulong n,string fmt,...,int,double)int"),
                d.symbols().stream().map(s -> s.symbol().toString()).toList());
        // the header carries the layouts, and reads back to the same symbols
        String header = SymbolsHeader.format(d.symbols().stream().map(SymbolEntry::symbol).toList());
        assertEquals(d.symbols().stream().map(SymbolEntry::symbol).toList(), SymbolsHeader.parse(header));
        assertTrue(header, header.contains("div;signature=\"(int,int)div_t{quot:int,rem:int}size=8\""));
    }

    @Test
    public void errorsNameTheirLineAndColumn() {
        DescriptorException size = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[structs]", "div_t = { quot: int, rem: int } size=12", "[symbols]", "div = (int,int)div_t"));
        assertEquals("c.nativebundle:4:9: struct div_t declares size=12 but its fields lay out to 8 bytes"
                + " (natural C alignment, LP64)", size.getMessage());
        DescriptorException field = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[structs]", "s = { a: int, b: strng }"));
        assertEquals(4, field.line());
        assertEquals(18, field.column());
        assertTrue(field.getMessage(), field.reason().startsWith("unknown field type 'strng'"));
        DescriptorException unknown = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[structs]", "div_t = { quot: int, rem: int }", "[symbols]", "div = (int,int)divt"));
        assertEquals("c.nativebundle:6:16: unknown return type 'divt'; expected one of void, byte, short, int, long,"
                + " float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t or a"
                + " declared struct (div_t)", unknown.getMessage());
        DescriptorException twice = assertThrows(DescriptorException.class, () -> parse("library = c", "version = 1",
                "[structs]", "p = { a: int }", "p = { a: long }"));
        assertEquals("c.nativebundle:5:1: duplicate struct 'p'; it is already declared on line 4", twice.getMessage());
        DescriptorException reserved = assertThrows(DescriptorException.class, () -> parse("library = c",
                "version = 1", "[structs]", "int = { a: int }"));
        assertEquals("c.nativebundle:4:1: struct name 'int' is a reserved word of the signature grammar",
                reserved.getMessage());
    }
}
