package io.nativebundle.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

/** The API's signature and type vocabulary, read through the contract's grammar. */
public class NativeSignatureTest {

    @Test
    public void parsesAndPrintsTheCanonicalForm() {
        NativeSignature s = NativeSignature.parse(" ( string , INT ) long ");
        assertEquals(List.of(NativeType.STRING, NativeType.INT), s.parameters());
        assertEquals(NativeType.LONG, s.returnType());
        assertEquals("(string,int)long", s.toString());
        assertEquals(new NativeSignature(List.of(NativeType.STRING, NativeType.INT), NativeType.LONG), s);
        assertEquals(s.hashCode(), NativeSignature.parse("(string,int)long").hashCode());
        assertNotEquals(s, NativeSignature.parse("(string,int)int"));
    }

    @Test
    public void aBadSignatureSaysWhereAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeSignature.parse("(int,integer)int"));
        assertEquals("signature '(int,integer)int', column 6: unknown parameter type 'integer'; expected one of void,"
                + " byte, short, int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t", e.getMessage());
        assertEquals(IllegalArgumentException.class, e.getClass());
        assertThrows(IllegalArgumentException.class, () -> NativeSignature.parse("(int,int)"));
        assertThrows(IllegalArgumentException.class,
                () -> new NativeSignature(List.of(NativeType.VOID), NativeType.INT));
    }

    @Test
    public void callbackParameters() {
        NativeSignature qsort = NativeSignature.parse("(pointer,size_t,size_t,comparator(pointer,pointer)int cmp)void");
        NativeParameter cmp = qsort.parameterList().get(3);
        assertEquals(NativeType.CALLBACK, cmp.type());
        assertEquals(java.util.Optional.of("comparator"), cmp.callbackName());
        assertEquals(NativeSignature.parse("(pointer,pointer)int"), cmp.callbackSignature().orElseThrow());
        assertEquals(java.util.Optional.empty(), qsort.parameterList().get(0).callbackSignature());
        assertEquals(false, qsort.isBasic());
        assertEquals("(pointer,ulong,ulong,comparator(pointer,pointer)int cmp)void", qsort.toString());
    }

    @Test
    public void anArrayParameterTakesTheArrayOfItsElementsCarrier() {
        NativeSignature s = NativeSignature.parse("(byte[],short[],int[],long[],pointer[],float[],double[],ubyte[],"
                + "ushort[],uint[],ulong[],boolean[],out p{a:int,b:byte}[],int)void");
        List<Class<?>> expected = List.of(byte[].class, short[].class, int[].class, long[].class, long[].class,
                float[].class, double[].class, short[].class, int[].class, long[].class, long[].class, boolean[].class,
                NativeStruct[].class);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(s.parameterList().get(i).toString(), expected.get(i), s.parameterList().get(i).arrayClass());
        }
        NativeParameter notAnArray = s.parameterList().get(13);
        assertEquals("parameter arg14 is not an array",
                assertThrows(IllegalStateException.class, notAnArray::arrayClass).getMessage());
        // a struct field's fixed array follows the same rule
        NativeStructType t = NativeSignature.parse("()t{u:ubyte[2],s:p{a:int}[2]}").returnStructType().orElseThrow();
        assertEquals(short[].class, t.field("u").orElseThrow().arrayClass());
        assertEquals(NativeStruct[].class, t.field("s").orElseThrow().arrayClass());
    }

    @Test
    public void everyTypeHasItsTokenAndReadsBack() {
        for (NativeType type : NativeType.values()) {
            if (type == NativeType.STRUCT || type == NativeType.CALLBACK) {
                continue; // named by a layout or a signature, never by the token (NativeStructTest, callbackParameters)
            }
            assertEquals(type, NativeType.of(type.token()));
            assertEquals(type, NativeType.of(" " + type.token().toUpperCase() + " "));
            assertEquals(type.name().toLowerCase(), type.token());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeType.of("bufer"));
        assertEquals("unknown native type 'bufer'; expected one of void, byte, short, int, long, float, double,"
                + " boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t", e.getMessage());
    }

    @Test
    public void theConstantsKeepTheirValues() {
        assertEquals("NativeBundle-Library", NativeBundleConstants.HEADER_LIBRARY);
        assertEquals("NativeBundle-Digest", NativeBundleConstants.HEADER_DIGEST);
        assertEquals("NativeBundle-Symbols", NativeBundleConstants.HEADER_SYMBOLS);
        assertEquals("NativeBundle-Tenant", NativeBundleConstants.HEADER_TENANT);
        assertEquals("NativeBundle-Wrapped", NativeBundleConstants.HEADER_WRAPPED);
        assertEquals("version-symbol", NativeBundleConstants.ATTR_VERSION_SYMBOL);
        assertEquals("io.nativebundle.abi", NativeBundleConstants.ABI_NAMESPACE);
        assertEquals("io.nativebundle.library", NativeBundleConstants.LIBRARY_NAMESPACE);
        assertEquals("default", NativeBundleConstants.DEFAULT_TENANT);
    }
}
