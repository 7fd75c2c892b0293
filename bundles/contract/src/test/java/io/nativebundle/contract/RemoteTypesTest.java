package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class RemoteTypesTest {

    @Test
    public void valuesCrossAddressesAndWritableMemoryDoNot() {
        for (TypeName t : List.of(TypeName.VOID, TypeName.BYTE, TypeName.SHORT, TypeName.INT, TypeName.LONG,
                TypeName.FLOAT, TypeName.DOUBLE, TypeName.BOOLEAN, TypeName.STRING)) {
            assertTrue(t.token(), RemoteTypes.crosses(t));
            assertEquals(Optional.empty(), RemoteTypes.whyNot(t));
        }
        assertFalse(RemoteTypes.crosses(TypeName.POINTER));
        assertFalse(RemoteTypes.crosses(TypeName.BUFFER));
    }

    @Test
    public void theRefusalNamesThePositionTheTypeAndWhy() {
        assertEquals(Optional.of("parameter 2 is pointer: a pointer is an address in the exporting process and means"
                + " nothing in another"), RemoteTypes.whyNot(List.of(TypeName.INT, TypeName.POINTER), TypeName.INT));
        assertEquals(Optional.of("the result is pointer: a pointer is an address in the exporting process and means"
                + " nothing in another"), RemoteTypes.whyNot(List.of(), TypeName.POINTER));
        assertEquals(Optional.of("parameter 1 is buffer: the callee may write into a buffer, and its writes would"
                + " reach a copy the caller never sees"), RemoteTypes.whyNot(List.of(TypeName.BUFFER), TypeName.VOID));
        assertEquals(Optional.empty(), RemoteTypes.whyNot(List.of(TypeName.INT, TypeName.STRING), TypeName.LONG));
        assertEquals("void, byte, short, int, long, float, double, boolean, string, ubyte, ushort, uint, ulong",
                RemoteTypes.vocabulary());
    }

    @Test
    public void theCAbiShapesOfValuesCrossInEveryDirection() {
        for (String crossing : List.of("(int,int)div_t{quot:int,rem:int}", "(double x, out int exp)double",
                "(out timeval{tv_sec:long,tv_usec:long} tv)int", "(inout int[] v, long[] w, out double[] d)void",
                "(string s, uint base)ulong errno", "(ubyte,ushort,size_t)ssize_t",
                "(inout outer{a:ubyte,in:inner{x:double,y:float[3]},c:ushort[2]} o)outer{a:ubyte,in:inner{x:double,"
                        + "y:float[3]},c:ushort[2]}")) {
            assertEquals(crossing, Optional.empty(), RemoteTypes.whyNot(SignatureParser.parse(crossing)));
        }
    }

    @Test
    public void addressesCallbacksAndWritableBuffersInASignatureAreRefusedNamingWhereAndWhy() {
        assertEquals(Optional.of("parameter 2 (tz) is pointer: a pointer is an address in the exporting process and"
                + " means nothing in another"), RemoteTypes.whyNot(SignatureParser.parse(
                        "(out timeval{tv_sec:long,tv_usec:long} tv, pointer tz)int")));
        assertEquals(Optional.of("parameter 1 is inout pointer[]: a pointer is an address in the exporting process and"
                + " means nothing in another"), RemoteTypes.whyNot(SignatureParser.parse("(inout pointer[])void")));
        assertEquals(Optional.of("parameter 1 (o) is out struct node: field 'next' is pointer: a pointer is an address"
                + " in the exporting process and means nothing in another"),
                RemoteTypes.whyNot(SignatureParser.parse("(out node{value:int,next:pointer} o)void")));
        assertEquals(Optional.of("the result is struct outer: field 'in' is struct: field 'p' is pointer: a pointer is"
                + " an address in the exporting process and means nothing in another"),
                RemoteTypes.whyNot(SignatureParser.parse("()outer{a:int,in:inner{p:pointer}}")));
        assertEquals(Optional.of("parameter 1 is buffer: the callee may write into a buffer, and its writes would"
                + " reach a copy the caller never sees"), RemoteTypes.whyNot(SignatureParser.parse("(buffer,long)int")));
        assertEquals(Optional.of("the result is pointer: a pointer is an address in the exporting process and means"
                + " nothing in another"), RemoteTypes.whyNot(SignatureParser.parse("(long)pointer")));
    }
}
