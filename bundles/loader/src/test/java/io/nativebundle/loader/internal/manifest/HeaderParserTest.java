package io.nativebundle.loader.internal.manifest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class HeaderParserTest {

    @Test
    public void parsesPathsAttributesAndDirectives() throws Exception {
        List<HeaderClause> clauses = HeaderParser.parse("Bundle-NativeCode",
                "native/linux/x86-64/libgreeter.so;native/linux/x86-64/libfmt.so;osname=Linux;processor=x86-64,"
                        + " native/linux/aarch64/libgreeter.so ; osname=Linux ; osname=\"GNU/Linux\";processor=aarch64");
        assertEquals(2, clauses.size());
        assertEquals(List.of("native/linux/x86-64/libgreeter.so", "native/linux/x86-64/libfmt.so"), clauses.get(0).paths());
        assertEquals(List.of("x86-64"), clauses.get(0).attributes("processor"));
        assertEquals(List.of("Linux", "GNU/Linux"), clauses.get(1).attributes("osname"));
    }

    @Test
    public void keepsQuotedValuesWithSeparatorsAndStripsTypes() throws Exception {
        List<HeaderClause> clauses = HeaderParser.parse("X",
                "add;signature=\"(int,int)int\", io.nativebundle.abi;filter:=\"(&(a>=1)(!(a>=2)))\";version:Version=1.2.0");
        assertEquals("(int,int)int", clauses.get(0).attribute("signature").orElseThrow());
        assertEquals("(&(a>=1)(!(a>=2)))", clauses.get(1).directive("filter").orElseThrow());
        assertEquals("1.2.0", clauses.get(1).attribute("version").orElseThrow());
    }

    @Test
    public void emptyHeaderHasNoClauses() throws Exception {
        assertTrue(HeaderParser.parse("X", "  ").isEmpty());
        assertTrue(HeaderParser.parse("X", null).isEmpty());
    }

    @Test
    public void reportsTheColumnOfAnUnterminatedQuote() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse("NativeBundle-Symbols", "add;signature=\"(int,int)int"));
        assertTrue(e.getMessage(), e.getMessage().contains("NativeBundle-Symbols: unterminated quoted string at column 15"));
    }

    @Test
    public void refusesAPathAfterAttributes() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse("X", "a;k=v;b"));
        assertTrue(e.getMessage(), e.getMessage().contains("path 'b' after attributes"));
    }

    @Test
    public void refusesAMissingValue() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse("X", "a;k=,b"));
        assertTrue(e.getMessage(), e.getMessage().contains("expected a value at column 5"));
    }
}
