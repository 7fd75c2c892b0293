package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.nativebundle.bnd.fixture.AbiBadLib;
import io.nativebundle.bnd.fixture.AbiLib;
import io.nativebundle.contract.CallbackType;

/** A typed interface's jnr-ffi annotations read into the C ABI's vocabulary, and what is refused. */
public class AbiSignaturesTest {

    private static final String X86 = "native/linux/x86-64/libmath.so";

    @Test
    public void unsignedArraysOutParametersAndErrnoAreDeclared() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=\"[1.2,2)\";interface=" + AbiLib.class.getName())
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(String.join(", ",
            "next_u8;signature=\"(ubyte)ubyte\"",
            "next_u16;signature=\"(ushort)ushort\"",
            "next_u32;signature=\"(uint)uint\"",
            "next_u64;signature=\"(ulong)ulong\"",
            "length;signature=\"(ulong)long\"",
            "sum_ints;signature=\"(int[],int)long\"",
            "fill_doubles;signature=\"(out double[],int,double)void\"",
            "twice_longs;signature=\"(inout long[],int)void\"",
            "split;signature=\"(double,out int,out double)int\"",
            "increment;signature=\"(inout long)void\"",
            "fail_with;signature=\"(int)int errno\"",
            // jnr-ffi's layout read from the class files: @Out is written only, the rest in and out
            "shape_make;signature=\"(out Shape{kind:byte,origin:Point{x:int,y:int},scale:double,tags:short[3],"
                + "flags:ushort},int,int)void\"",
            "shape_scale;signature=\"(inout Shape{kind:byte,origin:Point{x:int,y:int},scale:double,tags:short[3],"
                + "flags:ushort},int)void\"",
            "point_norm;signature=\"(inout Point{x:int,y:int})int\"",
            // a @Delegate interface is a callback type named after it
            "call_n;signature=\"(int,Visitor(int)int)long\"",
            // @ByValue: the grammar's struct without a direction, as a parameter and as the result
            "point_add;signature=\"(Point{x:int,y:int},Point{x:int,y:int})Point{x:int,y:int}\"",
            "shape_kind;signature=\"(Shape{kind:byte,origin:Point{x:int,y:int},scale:double,tags:short[3],"
                + "flags:ushort})int errno\"",
            // a by-reference type without @Out is a pointer, also after '...'
            "point_parts;signature=\"(Point{x:int,y:int},out int)int\"",
            "sscanf;signature=\"(string,string,...,pointer)int\"",
            // @Variadic(fixedCount = 1): '...' after the first parameter
            "sum_variadic;signature=\"(int,...,long,uint,double)long\""),
            result.header("NativeBundle-Symbols"));
    }

    @Test
    public void unreadableStructsCallbacksNarrowCarriersAndOtherArraysFailNamingMethodAndParameter() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + AbiBadLib.class.getName())
            .add(X86, "x86-64", "libmath.so")
            .build();

        String lib = AbiBadLib.class.getName();
        assertEquals(List.of(
            "NativeBundle-Symbols: method " + lib + ".sum_pair(" + lib + "$Pair): parameter 1: struct class " + lib
                + "$Pair: field 'name' has type jnr.ffi.Struct.UTF8String, which has no type in the struct grammar; "
                + "supported: " + StructReader.SUPPORTED,
            "NativeBundle-Symbols: method " + lib + ".make_pair(): the return type " + lib + "$Pair, which has no "
                + "native mapping (a jnr.ffi.Struct is returned by value: annotate the method @io.nativebundle.api.ByValue; "
                + "or return a jnr.ffi.Pointer to it); supported: " + JavaTypes.SUPPORTED,
            "NativeBundle-Symbols: method " + lib + ".each(int," + lib + "$Visitor): parameter 2: callback Visitor "
                + "takes java.lang.String as parameter 1; a callback takes " + CallbackType.CALLBACK_TYPES,
            "NativeBundle-Symbols: method " + lib + ".plain(" + lib + "$Plain): parameter 1 has type " + lib
                + "$Plain, which has no native mapping (a callback interface has one method annotated jnr-ffi's "
                + "@Delegate); supported: " + JavaTypes.SUPPORTED,
            "NativeBundle-Symbols: method " + lib + ".narrow(int): parameter 1: @u_int64_t is 8 bytes and needs a "
                + "Java carrier at least as wide, not int",
            "NativeBundle-Symbols: method " + lib + ".flags(boolean[]): parameter 1 has type boolean[], which has no "
                + "native mapping; supported: " + JavaTypes.SUPPORTED,
            // a struct by value the plugin cannot read names the class and the field, as one by pointer
            "NativeBundle-Symbols: method " + lib + ".swap_pair(" + lib + "$Pair): parameter 1: struct class " + lib
                + "$Pair: field 'name' has type jnr.ffi.Struct.UTF8String, which has no type in the struct grammar; "
                + "supported: " + StructReader.SUPPORTED,
            "NativeBundle-Symbols: method " + lib + ".swap_pair(" + lib + "$Pair): the result: struct class " + lib
                + "$Pair: field 'name' has type jnr.ffi.Struct.UTF8String, which has no type in the struct grammar; "
                + "supported: " + StructReader.SUPPORTED,
            "NativeBundle-Symbols: method " + lib + ".not_struct(int): parameter 1: @ByValue marks a jnr.ffi.Struct "
                + "subclass passed or returned by value, and int is not one",
            "NativeBundle-Symbols: method " + lib + ".print_float(java.lang.String,float): parameter 2: a variadic "
                + "argument is passed promoted: after '...' write one of int, uint, long, ulong, double, pointer, "
                + "string, buffer, a callback by value, not float",
            "NativeBundle-Symbols: method " + lib + ".no_fixed(int): @Variadic(fixedCount = 0): a variadic function "
                + "has 1 to 1 fixed parameters (those before C's '...')",
            "NativeBundle-Symbols: method " + lib + ".visit_pair(" + lib + "$Pair2," + lib + "$Visitor2): parameter 2 "
                + "is " + lib + "$Visitor2, a callback; a @ByValue or @Variadic method takes none (declare the function "
                + "in a descriptor and call it through NativeFunction)"),
            result.errors());
    }
}
