package io.nativebundle.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.Test;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/** native:call's struct literals, unsigned words, out values and errno lines. */
public class CallOutputTest {

    private static final NativeSignature DIV = NativeSignature.parse("(div_t{quot:int,rem:int} d, uint)int");

    @Test
    public void structLiteralsReadAsTheyPrint() {
        NativeStructType divT = DIV.parameterList().get(0).structType().orElseThrow();
        NativeStruct s = StructLiteral.parse(divT, " { rem = 2 , quot=-3 } ");
        assertEquals("{quot=-3, rem=2}", s.toString());
        assertEquals(s, StructLiteral.parse(divT, s.toString()));
        NativeStructType u = NativeSignature.parse("()u{name:byte[8],v:ushort[2],d:div_t{quot:int,rem:int}}")
                .returnStructType().orElseThrow();
        NativeStruct nested = StructLiteral.parse(u, "{name=\"Linux\", v=[1, 0xffff], d={quot=1, rem=0}}");
        assertEquals("Linux", nested.string("name"));
        assertArrayEquals(new int[] {1, 65535}, (int[]) nested.get("v"));
        assertEquals(nested, StructLiteral.parse(u, nested.toString()));
    }

    @Test
    public void badLiteralsAreNamed() {
        NativeStructType divT = DIV.parameterList().get(0).structType().orElseThrow();
        assertEquals("struct literal 'quot=3', column 1: expected '{' but found 'q'; write it as {quot=3, rem=2}",
                assertThrows(IllegalArgumentException.class, () -> StructLiteral.parse(divT, "quot=3")).getMessage());
        assertEquals("struct div_t has no field 'q' (at column 2); its fields are [quot, rem]",
                assertThrows(IllegalArgumentException.class, () -> StructLiteral.parse(divT, "{q=3}")).getMessage());
        assertEquals("struct div_t: field 'rem' has no value; expected one for each of [quot, rem]",
                assertThrows(IllegalArgumentException.class, () -> StructLiteral.parse(divT, "{quot=3}")).getMessage());
        assertEquals("field 'rem' (at column 14): 'x' is not an int: write a decimal number or 0x hex",
                assertThrows(IllegalArgumentException.class,
                        () -> StructLiteral.parse(divT, "{quot=3, rem=x}")).getMessage());
    }

    @Test
    public void argumentsSkipOutParametersAndReadUnsignedWords() {
        Object[] values = ValueParser.arguments("c", "f", DIV, List.of("{quot=1, rem=2}", "4294967295"));
        assertEquals(4294967295L, values[1]);
        assertEquals(-1L, ValueParser.parse(NativeType.ULONG, "18446744073709551615"));
        assertEquals((short) 255, ValueParser.parse(NativeType.UBYTE, "0xff"));
        assertEquals("'-1' is not an uint: write a number from 0 to 4294967295 in decimal or 0x hex",
                assertThrows(IllegalArgumentException.class, () -> ValueParser.parse(NativeType.UINT, "-1"))
                        .getMessage());
        assertEquals("'256' is out of range for ubyte: 0..255",
                assertThrows(IllegalArgumentException.class, () -> ValueParser.parse(NativeType.UBYTE, "256"))
                        .getMessage());
        NativeSignature frexp = NativeSignature.parse("(double x, out int exp)double");
        assertEquals(1, ValueParser.arguments("m", "frexp", frexp, List.of("8")).length);
        assertEquals("frexp(double x,out int exp)double of m takes 1 argument, got 2; usage: native:call m frexp"
                + " <double>", assertThrows(IllegalArgumentException.class,
                        () -> ValueParser.arguments("m", "frexp", frexp, List.of("8", "4"))).getMessage());
    }

    @Test
    public void arraysAreReadAndPrinted() {
        NativeSignature memset = NativeSignature.parse("(inout byte[] s, int c, size_t n)pointer");
        Object[] values = ValueParser.arguments("c", "memset", memset, List.of("[1, 2, 0x7f]", "9", "2"));
        assertArrayEquals(new byte[] {1, 2, 127}, (byte[]) values[0]);
        assertNull(ValueParser.arguments("c", "memset", memset, List.of("null", "9", "0"))[0]);
        assertEquals("argument 1 of memset(inout byte[] s,int c,ulong n)pointer of c: element 2: '300' is out of"
                + " range for byte: -128..127 or 0x0..0xff", assertThrows(IllegalArgumentException.class,
                        () -> ValueParser.arguments("c", "memset", memset, List.of("[1, 300]", "9", "2"))).getMessage());
        assertEquals("0x10\ns=[9, 9, 3]", CallOutput.format(memset, new NativeCallResult(16L,
                Map.of("s", new byte[] {9, 9, 3}), OptionalInt.empty())));
    }

    @Test
    public void arraysOfUnsignedBooleanAndStructElementsAreReadAndPrinted() {
        NativeSignature f = NativeSignature.parse("(inout ubyte[] u, uint[] w, ulong[] l, boolean[] b,"
                + " inout div_t{quot:int,rem:int}[] d)void");
        Object[] values = ValueParser.arguments("c", "f", f, List.of("[0, 255, 0x80]", "[4294967295]",
                "[18446744073709551615]", "[true, 0]", "[{quot=1, rem=2}, {rem=0, quot=3}]"));
        assertArrayEquals(new short[] {0, 255, 128}, (short[]) values[0]);
        assertArrayEquals(new long[] {4294967295L}, (long[]) values[1]);
        assertArrayEquals(new long[] {-1L}, (long[]) values[2]);
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) values[3]);
        NativeStruct[] divs = (NativeStruct[]) values[4];
        assertEquals("[{quot=1, rem=2}, {quot=3, rem=0}]", java.util.Arrays.toString(divs));
        assertEquals(0, ((NativeStruct[]) ValueParser.arguments("c", "f", f, List.of("[]", "[]", "[]", "[]", " [ ] "))[4])
                .length);
        assertEquals("argument 1 of f(inout ubyte[] u,uint[] w,ulong[] l,boolean[] b,inout div_t{quot:int,rem:int}[] d)"
                + "void of c: element 2: '256' is out of range for ubyte: 0..255", assertThrows(
                        IllegalArgumentException.class, () -> ValueParser.arguments("c", "f", f,
                                List.of("[1, 256]", "[]", "[]", "[]", "[]"))).getMessage());
        assertEquals("argument 5 of f(inout ubyte[] u,uint[] w,ulong[] l,boolean[] b,inout div_t{quot:int,rem:int}[] d)"
                + "void of c: struct literal '[{quot=1, rem=2} {quot=3, rem=0}]', column 18: expected ']' but found '{';"
                + " write it as {quot=3, rem=2}", assertThrows(IllegalArgumentException.class,
                        () -> ValueParser.arguments("c", "f", f, List.of("[]", "[]", "[]", "[]",
                                "[{quot=1, rem=2} {quot=3, rem=0}]"))).getMessage());
        Map<String, Object> outs = new LinkedHashMap<>();
        outs.put("u", new short[] {255, 1});
        outs.put("d", divs);
        assertEquals("u=[255, 1]\nd=[{quot=1, rem=2}, {quot=3, rem=0}]",
                CallOutput.format(f, new NativeCallResult(null, outs, OptionalInt.empty())));
    }

    @Test
    public void theResultThenEachOutValueThenErrno() {
        NativeSignature frexp = NativeSignature.parse("(double x, out int exp)double");
        assertEquals("0.5\nexp=4", CallOutput.format(frexp, new NativeCallResult(0.5, Map.of("exp", 4),
                OptionalInt.empty())));
        NativeSignature unnamed = NativeSignature.parse("(out ulong, out div_t{quot:int,rem:int})void errno");
        NativeStructType divT = unnamed.parameterList().get(1).structType().orElseThrow();
        Map<String, Object> outs = new LinkedHashMap<>();
        outs.put("arg1", -1L);
        outs.put("arg2", NativeStruct.of(divT, Map.of("quot", 3, "rem", 2)));
        assertEquals("arg1=18446744073709551615\narg2={quot=3, rem=2}\nerrno=34 (Numerical result out of range)",
                CallOutput.format(unnamed, new NativeCallResult(null, outs, OptionalInt.of(34),
                        Optional.of("Numerical result out of range"))));
        // errno 0 is not printed, and a void call without outs prints nothing
        assertNull(CallOutput.format(NativeSignature.parse("()void errno"),
                new NativeCallResult(null, Map.of(), OptionalInt.of(0))));
    }
}
