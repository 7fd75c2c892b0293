package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Optional;
import java.util.Set;

import org.junit.Test;

/** The C ABI's reading of jnr-ffi types and annotations, next to the first vocabulary's. */
public class JavaTypesShapeTest {

    private static final String IN = JavaTypes.IN;
    private static final String OUT = JavaTypes.OUT;

    private static String shape(String type, String... annotations) {
        return JavaTypes.parameterShape(type, Set.of(annotations)).map(Parameter::toString).orElse("none");
    }

    @Test
    public void unsignedAndSizeAnnotationsNameTheCType() {
        assertEquals("ubyte", shape("short", "jnr.ffi.types.u_int8_t"));
        assertEquals("ushort", shape("int", "jnr.ffi.types.u_int16_t"));
        assertEquals("uint", shape("long", "jnr.ffi.types.u_int32_t"));
        assertEquals("ulong", shape("long", "jnr.ffi.types.u_int64_t"));
        assertEquals("ulong", shape("long", "jnr.ffi.types.size_t"));
        assertEquals("long", shape("long", "jnr.ffi.types.ssize_t"));
        assertEquals("pointer", shape("long", "jnr.ffi.types.intptr_t"));
        assertEquals("the other typedefs keep the carrier's type", "int", shape("int", "jnr.ffi.types.pid_t"));
        assertEquals(Optional.of(TypeName.UINT), JavaTypes.resultType("long", Set.of("jnr.ffi.types.u_int32_t")));
        // the first vocabulary's reading, which the host binds with, is unchanged
        assertEquals(Optional.of(TypeName.LONG), JavaTypes.map("long", Set.of("jnr.ffi.types.size_t")));
    }

    @Test
    public void aCarrierNarrowerThanItsCTypeIsRefusedSayingSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> JavaTypes.parameterShape("short", Set.of("jnr.ffi.types.u_int32_t")));
        assertEquals("@u_int32_t is 4 bytes and needs a Java carrier at least as wide, not short", e.getMessage());
    }

    @Test
    public void arraysTakeTheirDirectionFromInAndOut() {
        assertEquals("int[]", shape("int[]", IN));
        assertEquals("out double[]", shape("double[]", OUT));
        assertEquals("inout long[]", shape("long[]"));
        assertEquals("inout short[]", shape("short[]", IN, OUT));
        assertEquals("a byte[] stays a buffer", "buffer", shape("byte[]", OUT));
        assertEquals("none", shape("boolean[]"));
        assertEquals("none", shape("char[]"));
    }

    @Test
    public void byReferenceTypesAreOutScalarsOnlyWithOut() {
        assertEquals("out int", shape("jnr.ffi.byref.IntByReference", OUT));
        assertEquals("inout long", shape("jnr.ffi.byref.LongLongByReference", IN, OUT));
        assertEquals("out long", shape("jnr.ffi.byref.NativeLongByReference", OUT));
        assertEquals("out pointer", shape("jnr.ffi.byref.PointerByReference", OUT));
        assertEquals("out double", shape("jnr.ffi.byref.DoubleByReference", OUT));
        assertEquals("without a direction, the address as before", "pointer",
            shape("jnr.ffi.byref.NativeLongByReference"));
        assertEquals("a reference of no fixed type stays an address", "pointer",
            shape("jnr.ffi.byref.NumberByReference", OUT));
    }
}
