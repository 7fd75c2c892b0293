package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** The grammar's structs, named and out-parameters, unsigned types and errno; layouts by natural C alignment. */
public class StructSignatureTest {

    private static Map<String, StructLayout> structs(String... declarations) {
        Map<String, StructLayout> known = new LinkedHashMap<>();
        for (int i = 0; i < declarations.length; i += 2) {
            known.put(declarations[i], SignatureParser.struct(declarations[i], declarations[i + 1], known));
        }
        return known;
    }

    @Test
    public void layoutsFollowNaturalAlignment() {
        Map<String, StructLayout> s = structs(
                "div_t", "{ quot: int, rem: int }",
                "mixed", "{ c: byte, d: double, s: short }",
                "utsname", "{ sysname: byte[65], nodename: byte[65], release: byte[65], version: byte[65],"
                        + " machine: byte[65], domainname: byte[65] }",
                "nested", "{ c: byte, t: div_t, pair: mixed[2] } size=64");
        assertEquals(8, s.get("div_t").size());
        assertEquals(4, s.get("div_t").alignment());
        assertEquals(List.of(0, 4), s.get("div_t").fields().stream().map(StructField::offset).toList());
        // c at 0, d at 8 (aligned), s at 16, size rounded up to 24
        assertEquals(List.of(0, 8, 16), s.get("mixed").fields().stream().map(StructField::offset).toList());
        assertEquals(24, s.get("mixed").size());
        assertEquals(390, s.get("utsname").size());
        assertEquals(65, s.get("utsname").fields().get(1).offset());
        StructLayout nested = s.get("nested");
        assertEquals(List.of(0, 4, 16), nested.fields().stream().map(StructField::offset).toList());
        assertEquals(64, nested.size());
        assertEquals(8, nested.alignment());
        assertEquals("nested{c:byte,t:div_t{quot:int,rem:int},pair:mixed{c:byte,d:double,s:short}[2]}size=64",
                nested.toString());
    }

    @Test
    public void aDeclaredSizeIsAsserted() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> SignatureParser.struct("div_t", "{ quot: int, rem: int } size=12", Map.of()));
        assertEquals("struct div_t declares size=12 but its fields lay out to 8 bytes (natural C alignment, LP64)",
                e.reason());
    }

    @Test
    public void signaturesNameStructsAndWriteThemOutInFull() {
        Map<String, StructLayout> s = structs("div_t", "{ quot: int, rem: int }");
        Signature div = SignatureParser.parse("(int, int)div_t", s);
        assertEquals(TypeName.STRUCT, div.returnType());
        assertEquals("(int,int)div_t{quot:int,rem:int}", div.toString());
        // the header form reads back on its own, without the declarations
        assertEquals(div, SignatureParser.parse(div.toString()));
        assertFalse(div.isBasic());
        assertEquals(Optional.of("div_t"), div.firstNonBasic());
    }

    @Test
    public void namedOutAndInoutParameters() {
        Signature frexp = SignatureParser.parse("(double x, out int exp)double");
        assertEquals("(double x,out int exp)double", frexp.toString());
        Parameter exp = frexp.parameterList().get(1);
        assertEquals(Parameter.Direction.OUT, exp.direction());
        assertEquals(Optional.of("exp"), exp.optionalName());
        assertTrue(exp.returnsValue());
        assertFalse(exp.takesValue());
        Signature tv = SignatureParser.parse("(out timeval{tv_sec:long,tv_usec:long}, pointer)int");
        assertEquals(Parameter.Direction.OUT, tv.parameterList().get(0).direction());
        assertEquals(16, tv.parameterList().get(0).layout().orElseThrow().size());
        assertEquals(Parameter.Direction.INOUT, SignatureParser.parse("(inout ulong n)void").parameterList().get(0)
                .direction());
    }

    @Test
    public void arrayParametersInOutAndInout() {
        Signature s = SignatureParser.parse("(int[] in, out double[] out_, inout pointer[] both, int n)void");
        assertEquals("(int[] in,out double[] out_,inout pointer[] both,int n)void", s.toString());
        assertTrue(s.parameterList().get(0).array());
        // an out array takes a value too: the caller's array gives the length and receives the values
        assertTrue(s.parameterList().get(1).takesValue());
        assertTrue(s.parameterList().get(1).returnsValue());
        assertFalse(s.isBasic());
        assertEquals(Optional.of("int[] in"), s.firstNonBasic());
        assertEquals(s, SignatureParser.parse(s.toString()));
    }

    @Test
    public void arraysOfUnsignedTypesBooleansAndStructs() {
        Signature s = SignatureParser.parse("(ubyte[] a, out ushort[] b, inout uint[] c, size_t[] d, boolean[] e,"
                + " inout div_t[] f)void", structs("div_t", "{ quot: int, rem: int } size=8"));
        assertEquals(List.of(TypeName.UBYTE, TypeName.USHORT, TypeName.UINT, TypeName.ULONG, TypeName.BOOLEAN,
                TypeName.STRUCT), s.parameters());
        assertTrue(s.parameterList().stream().allMatch(Parameter::array));
        assertEquals("(ubyte[] a,out ushort[] b,inout uint[] c,ulong[] d,boolean[] e,"
                + "inout div_t{quot:int,rem:int}size=8[] f)void", s.toString());
        // the written-out form (NativeBundle-Symbols) reads back as the same signature
        assertEquals(s, SignatureParser.parse(s.toString()));
        assertEquals(8, s.parameterList().get(5).layout().orElseThrow().size());
    }

    @Test
    public void variadicDeclarationsListThePromotedArgumentsAfterTheEllipsis() {
        Signature snprintf = SignatureParser.parse("(buffer dst, size_t n, string fmt, ..., int, double)int");
        assertEquals("(buffer dst,ulong n,string fmt,...,int,double)int", snprintf.toString());
        assertEquals(3, snprintf.fixedCount());
        assertEquals(5, snprintf.parameterList().size());
        assertEquals(snprintf, SignatureParser.parse(snprintf.toString()));
        assertEquals(Optional.of("..."), SignatureParser.parse("(string fmt, ..., int)int").firstNonBasic());
        assertEquals(-1, SignatureParser.parse("(int)int").fixedCount());
        assertEquals(1, SignatureParser.parse("(string fmt, ...)int").fixedCount());
        assertReason("(string, ..., float)int", 15, "a variadic argument is passed promoted: after '...' write one of"
                + " int, uint, long, ulong, double, pointer, string, buffer, a callback by value, not float");
        assertReason("(..., int)int", 2, "a variadic function has at least one fixed parameter before '...', as in"
                + " (string fmt, ..., int)int");
        assertReason("(string, ..., int, ...)int", 20, "'...' may appear only once");
    }

    @Test
    public void unsignedTypesAliasesAndErrno() {
        Signature strtoul = SignatureParser.parse("(string, pointer, int) size_t errno");
        assertEquals(TypeName.ULONG, strtoul.returnType());
        assertTrue(strtoul.capturesErrno());
        assertEquals("(string,pointer,int)ulong errno", strtoul.toString());
        assertEquals(List.of(TypeName.LONG, TypeName.UBYTE, TypeName.USHORT, TypeName.UINT),
                SignatureParser.parse("(ssize_t,ubyte,ushort,uint)void").parameters());
        assertEquals(Optional.of("uint"), SignatureParser.parse("(uint)int").firstNonBasic());
        assertTrue(SignatureParser.parse("(int,string)buffer").isBasic());
    }

    @Test
    public void errorsSayWhatWasExpectedAndWhatWasFound() {
        assertReason("(int[4] a)void", 6, "expected ']' after '[': an array parameter has no length (the caller's"
                + " array gives it), write int[]; found '4'");
        assertReason("(string[] a)void", 8, "an array parameter is one of byte[], short[], int[], long[], float[],"
                + " double[], pointer[], ubyte[], ushort[], uint[], ulong[], boolean[] or a struct's, not string[]");
        assertReason("(out string s)void", 6, "a string cannot be out; expected a scalar or a struct after out");
        assertReason("()int errno errno", 13, "unexpected 'errno' after errno");
        assertReason("()p{a int}", 7, "expected ':' after field 'a' but found 'int', as in { quot: int, rem: int }");
        assertReason("()p{a:string}", 7, "field 'a' of struct p cannot be of type string; a field has a fixed size"
                + " (write pointer for a char *)");
        assertReason("()p{a:byte[0]}", 12, "expected the length of array 'a' as a number from 1 to 1048576 but found"
                + " '0'");
        assertReason("()int{a:byte}", 3, "struct name 'int' is a reserved word of the signature grammar");
        assertReason("()p{a:int,a:int}", 3, "struct p has two fields named 'a'");
        SignatureException unknown = assertThrows(SignatureException.class,
                () -> SignatureParser.parse("(div)int", structs("div_t", "{ quot: int, rem: int }")));
        assertEquals("unknown parameter type 'div'; expected one of " + TypeName.vocabulary()
                + " or a declared struct (div_t)", unknown.reason());
    }

    private static void assertReason(String text, int column, String reason) {
        SignatureException e = assertThrows(SignatureException.class, () -> SignatureParser.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(column, e.column());
    }
}
