package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;

import org.junit.Test;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;

/** The argument checks of the shapes added with API 2.2.0: out-parameters, unsigned ranges, structs, arrays. */
public class ArgumentsTest {

    private static String refused(String signature, Object... args) {
        return assertThrows(IllegalArgumentException.class,
                () -> Arguments.check("f", NativeSignature.parse(signature), args)).getMessage();
    }

    @Test
    public void outParametersTakeNoArgumentButArraysDo() {
        Arguments.check("frexp", NativeSignature.parse("(double x, out int exp)double"), new Object[] {8.0});
        assertEquals("f(double x,out int exp)double expects 1 argument (out-parameters are not passed) but got 2",
                refused("(double x, out int exp)double", 8.0, 1));
        Arguments.check("pipe", NativeSignature.parse("(out int[] fds)int"), new Object[] {new int[2]});
        assertEquals("f(out int[] fds)int: argument 1 must be int[] or null but is long[1]",
                refused("(out int[] fds)int", (Object) new long[1]));
    }

    @Test
    public void unsignedValuesAreCheckedAgainstTheirRange() {
        Arguments.check("f", NativeSignature.parse("(ubyte,ushort,uint,ulong)void"), new Object[] {255, 65535,
            4294967295L, -1L});
        assertEquals("f(uint)void: argument 1 must be uint (0 to 4294967295) but is -1", refused("(uint)void", -1));
        assertEquals("f(ubyte)void: argument 1 must be ubyte (0 to 255) but is 256", refused("(ubyte)void", 256));
        assertEquals("f(ushort)void: argument 1 must be ushort but is Double 1.0", refused("(ushort)void", 1.0));
    }

    @Test
    public void aStructArgumentIsANativeStructOfTheParametersLayout() {
        NativeSignature s = NativeSignature.parse("(p{a:int})void");
        NativeStructType p = s.parameterList().get(0).structType().orElseThrow();
        Arguments.check("f", s, new Object[] {NativeStruct.of(p, Map.of("a", 1))});
        NativeStructType q = NativeSignature.parse("(q{a:int})void").parameterList().get(0).structType().orElseThrow();
        assertEquals("f(p{a:int})void: argument 1 must be a NativeStruct of p{a:int} but is NativeStruct {a=1}",
                refused("(p{a:int})void", NativeStruct.of(q, Map.of("a", 1))));
        assertEquals("f(p{a:int})void: argument 1 must be a NativeStruct of p{a:int} but is String \"{a=1}\"",
                refused("(p{a:int})void", "{a=1}"));
    }

    @Test
    public void theElementsOfAnUnsignedOrStructArrayAreCheckedByIndex() {
        Arguments.check("f", NativeSignature.parse("(ubyte[],ushort[],uint[],ulong[])void"), new Object[] {
            new short[] {0, 255}, new int[] {65535}, new long[] {4294967295L}, new long[] {-1L}});
        assertEquals("f(ubyte[] s)void: argument 1, element [2], must be ubyte (0 to 255) but is 300",
                refused("(ubyte[] s)void", (Object) new short[] {1, 2, 300}));
        assertEquals("f(int,inout uint[])void: argument 2, element [0], must be uint (0 to 4294967295) but is -1",
                refused("(int,inout uint[])void", 1, new long[] {-1}));
        assertEquals("f(ushort[])void: argument 1, element [1], must be ushort (0 to 65535) but is -5",
                refused("(ushort[])void", (Object) new int[] {0, -5}));
        assertEquals("f(ubyte[])void: argument 1 must be short[] or null but is byte[1]",
                refused("(ubyte[])void", (Object) new byte[1]));
        // an out array's elements are not read, so anything goes there
        Arguments.check("f", NativeSignature.parse("(out ubyte[])void"), new Object[] {new short[] {-1, 999}});

        NativeSignature s = NativeSignature.parse("(p{a:int}[])void");
        NativeStructType p = s.parameterList().get(0).structType().orElseThrow();
        Arguments.check("f", s, new Object[] {new NativeStruct[] {NativeStruct.of(p, Map.of("a", 1))}});
        assertEquals("f(p{a:int}[])void: argument 1, element [1], must be a NativeStruct of p{a:int} but is null",
                refused("(p{a:int}[])void", (Object) new NativeStruct[] {NativeStruct.of(p, Map.of("a", 1)), null}));
        NativeStructType q = NativeSignature.parse("(q{a:int})void").parameterList().get(0).structType().orElseThrow();
        assertEquals("f(p{a:int}[])void: argument 1, element [0], must be a NativeStruct of p{a:int} but is a"
                + " NativeStruct of q{a:int}", refused("(p{a:int}[])void", (Object) new NativeStruct[] {
                    NativeStruct.of(q, Map.of("a", 1))}));
        // an out struct array may be empty slots: C fills them
        Arguments.check("f", NativeSignature.parse("(out p{a:int}[])void"), new Object[] {new NativeStruct[2]});
    }
}
