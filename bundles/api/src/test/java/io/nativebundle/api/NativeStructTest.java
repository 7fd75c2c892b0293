package io.nativebundle.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** Struct layouts and values, named and out-parameters and the unsigned carriers, as the API shows them. */
public class NativeStructTest {

    private static final NativeSignature DIV = NativeSignature.parse("(int,int)div_t{quot:int,rem:int}");

    @Test
    public void aStructResultHasItsLayout() {
        NativeStructType divT = DIV.returnStructType().orElseThrow();
        assertEquals(NativeType.STRUCT, DIV.returnType());
        assertEquals("div_t", divT.name());
        assertEquals(8, divT.size());
        assertEquals(List.of("quot", "rem"), divT.fields().stream().map(NativeStructType.Field::name).toList());
        assertEquals(4, divT.field("rem").orElseThrow().offset());
        assertFalse(DIV.isBasic());
        assertTrue(NativeSignature.parse("(int,int)int").isBasic());
    }

    @Test
    public void valuesKeepFieldOrderWidenAndPrintAsTheShellReadsThem() {
        NativeStructType divT = DIV.returnStructType().orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rem", (short) 2);
        values.put("quot", 3);
        NativeStruct s = NativeStruct.of(divT, values);
        assertEquals("{quot=3, rem=2}", s.toString());
        assertEquals(2, s.get("rem"));
        assertEquals(NativeStruct.of(divT, Map.of("quot", 3, "rem", 2)), s);
    }

    @Test
    public void valuesInFieldOrderMakeTheStructTheMapMakes() {
        NativeStructType divT = DIV.returnStructType().orElseThrow();
        NativeStruct s = NativeStruct.of(divT, List.of((short) 3, 2));
        assertEquals(NativeStruct.of(divT, Map.of("quot", 3, "rem", 2)), s);
        assertEquals(NativeStruct.of(divT, Map.of("quot", 3, "rem", 2)).hashCode(), s.hashCode());
        assertEquals(3, s.get("quot"));
        assertEquals(Map.of("quot", 3, "rem", 2), s.values());
        assertEquals("struct div_t has 2 fields, [quot, rem], but 1 values were given",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(divT, List.of(3))).getMessage());
        assertEquals("struct div_t: field 'rem' must be int but is null",
                assertThrows(IllegalArgumentException.class,
                        () -> NativeStruct.of(divT, java.util.Arrays.asList(3, null))).getMessage());
        assertEquals("struct div_t: field 'quot' must be int (-2147483648 to 2147483647) but is 4294967296",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(divT, List.of(1L << 32, 2)))
                        .getMessage());
    }

    @Test
    public void unsignedCarriersAreKeptOnlyWithinRange() {
        NativeStructType t = NativeSignature.parse("()t{a:ubyte,b:uint}").returnStructType().orElseThrow();
        NativeStruct s = NativeStruct.of(t, List.of((short) 255, 0xFFFF_FFFFL));
        assertEquals((short) 255, s.get("a"));
        assertEquals(0xFFFF_FFFFL, s.get("b"));
        assertEquals("struct t: field 'a' must be ubyte (0 to 255) but is 256",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(t, List.of((short) 256, 1L)))
                        .getMessage());
        assertEquals("struct t: field 'b' must be uint (0 to 4294967295) but is -1",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(t, List.of((short) 1, -1L)))
                        .getMessage());
    }

    @Test
    public void outValuesOfAResultCannotBeChangedAndKeepTheirOrder() {
        Map<String, Object> none = new LinkedHashMap<>();
        NativeCallResult empty = new NativeCallResult(1, none, java.util.OptionalInt.empty());
        none.put("late", 1);
        assertEquals(Map.of(), empty.outValues());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("exp", null);
        NativeCallResult single = new NativeCallResult(0.5, one, java.util.OptionalInt.empty());
        one.put("exp", 4);
        assertTrue(single.outValues().containsKey("exp"));
        assertEquals(null, single.outValues().get("exp"));
        assertThrows(UnsupportedOperationException.class, () -> single.outValues().put("x", 1));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("b", 2);
        two.put("a", 1);
        NativeCallResult both = new NativeCallResult(null, two, java.util.OptionalInt.empty());
        two.clear();
        assertEquals(List.of("b", "a"), List.copyOf(both.outValues().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> both.outValues().remove("a"));
        assertEquals(new NativeCallResult(null, Map.of("b", 2, "a", 1), java.util.OptionalInt.empty()), both);
    }

    @Test
    public void badValuesAreNamed() {
        NativeStructType divT = DIV.returnStructType().orElseThrow();
        assertEquals("struct div_t: field 'rem' has no value; expected one for each of [quot, rem]",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(divT, Map.of("quot", 3)))
                        .getMessage());
        assertEquals("struct div_t has no field 'q'; its fields are [quot, rem]",
                assertThrows(IllegalArgumentException.class,
                        () -> NativeStruct.of(divT, Map.of("q", 3, "quot", 1, "rem", 2))).getMessage());
        assertEquals("struct div_t: field 'quot' must be int (-2147483648 to 2147483647) but is 4294967296",
                assertThrows(IllegalArgumentException.class,
                        () -> NativeStruct.of(divT, Map.of("quot", 1L << 32, "rem", 2))).getMessage());
        assertEquals("struct div_t: field 'quot' must be int but is String x",
                assertThrows(IllegalArgumentException.class,
                        () -> NativeStruct.of(divT, Map.of("quot", "x", "rem", 2))).getMessage());
    }

    @Test
    public void arraysNestedStructsAndUnsignedFields() {
        NativeStructType t = NativeSignature.parse("()u{name:byte[8],n:uint,big:ulong,d:div_t{quot:int,rem:int}}")
                .returnStructType().orElseThrow();
        NativeStructType divT = t.field("d").orElseThrow().structType().orElseThrow();
        byte[] name = new byte[8];
        System.arraycopy("Linux".getBytes(StandardCharsets.UTF_8), 0, name, 0, 5);
        NativeStruct s = NativeStruct.of(t, Map.of("name", name, "n", 4_000_000_000L, "big", -1L,
                "d", NativeStruct.of(divT, Map.of("quot", 1, "rem", 0))));
        assertEquals("Linux", s.string("name"));
        name[0] = 'X'; // the value copied the array
        assertArrayEquals("Linux".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf((byte[]) s.get("name"), 5));
        assertEquals("{name=[76, 105, 110, 117, 120, 0, 0, 0], n=4000000000, big=18446744073709551615,"
                + " d={quot=1, rem=0}}", s.toString());
        assertEquals("struct u: field 'n' must be uint (0 to 4294967295) but is -1",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(t, Map.of("name", name, "n", -1,
                        "big", 0L, "d", NativeStruct.of(divT, Map.of("quot", 1, "rem", 0))))).getMessage());
        assertEquals("struct u: field 'name' must be byte[8] but is byte[3]",
                assertThrows(IllegalArgumentException.class, () -> NativeStruct.of(t, Map.of("name", new byte[3],
                        "n", 1, "big", 0L, "d", NativeStruct.of(divT, Map.of("quot", 1, "rem", 0))))).getMessage());
    }

    @Test
    public void parametersHaveNamesDirectionsAndLabels() {
        NativeSignature frexp = NativeSignature.parse("(double x, out int exp)double");
        NativeParameter exp = frexp.parameterList().get(1);
        assertEquals(NativeParameter.Direction.OUT, exp.direction());
        assertEquals("exp", exp.label());
        assertFalse(exp.takesValue());
        assertEquals("arg2", NativeSignature.parse("(double, out int)double").parameterList().get(1).label());
        assertEquals(Optional.empty(), frexp.returnStructType());
        assertTrue(NativeSignature.parse("(string,pointer,int)size_t errno").capturesErrno());
        assertEquals(NativeType.ULONG, NativeSignature.parse("()size_t").returnType());
        assertTrue(NativeType.UINT.isUnsigned());
    }
}
