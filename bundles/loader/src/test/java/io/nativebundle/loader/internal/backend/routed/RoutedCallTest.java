package io.nativebundle.loader.internal.backend.routed;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.Test;

import io.nativebundle.api.ByValue;
import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.ValueCodec;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;
import jnr.ffi.types.u_int32_t;
import jnr.ffi.types.u_int8_t;

/** How a routed method's Java values become an invoker's carriers and back, without native code. */
public class RoutedCallTest {

    /** Three bytes and a short: 6 bytes in jnr-ffi, 6 in C, so a trailing field shows any offset error. */
    public static final class Rgb extends Struct {
        public final Unsigned8 r = new Unsigned8();
        public final Unsigned8 g = new Unsigned8();
        public final Unsigned8 b = new Unsigned8();
        public final Signed16 alpha = new Signed16();

        public Rgb(Runtime runtime) {
            super(runtime);
        }
    }

    public interface Colors {
        @ByValue
        Rgb mix(@ByValue Rgb a, @u_int8_t byte weight, @u_int32_t int scale);

        @Variadic(fixedCount = 1)
        @u_int8_t byte pick(@Out Rgb into, int n, long a);

        @Variadic(fixedCount = 1)
        int scan(String format, IntByReference value);

        int parts(@ByValue Rgb c, @Out IntByReference red, @In @Out LongLongByReference total);

        int each(@ByValue Rgb c, Visitor visitor);
    }

    public interface Visitor {
        @Delegate
        int visit(int channel);
    }

    private static final String RGB = "Rgb{r:ubyte,g:ubyte,b:ubyte,alpha:short}";

    /** An invoker that records its arguments and answers {@code result}. */
    private static final class Recording implements FunctionInvoker {
        final List<Object[]> calls = new ArrayList<>();
        final NativeCallResult result;

        Recording(NativeCallResult result) {
            this.result = result;
        }

        @Override
        public Object invoke(Object[] arguments) {
            return call(arguments).value();
        }

        @Override
        public NativeCallResult call(Object[] arguments) {
            calls.add(arguments.clone());
            return result;
        }
    }

    private static Rgb rgb(int r, int g, int b, int alpha) {
        Rgb c = new Rgb(Runtime.getSystemRuntime());
        c.r.set(r);
        c.g.set(g);
        c.b.set(b);
        c.alpha.set((short) alpha);
        return c;
    }

    @Test
    public void aStructByValueIsItsBytesAndTheResultANewStructOfTheMethodsClass() throws Exception {
        NativeSignature signature = NativeSignature.parse("(" + RGB + ",ubyte,uint)" + RGB);
        NativeStructType type = signature.returnStructType().orElseThrow();
        NativeStruct mixed = NativeStruct.of(type, Map.of("r", (short) 255, "g", (short) 1, "b", (short) 128,
                "alpha", (short) -2));
        Recording invoker = new Recording(new NativeCallResult(mixed, Map.of(), OptionalInt.empty()));
        RoutedCall call = RoutedCall.of(Colors.class.getMethod("mix", Rgb.class, byte.class, int.class), signature,
                invoker);

        Rgb result = (Rgb) call.call(new Object[] {rgb(200, 100, 50, -300), (byte) -1, -1});

        Object[] passed = invoker.calls.get(0);
        assertEquals(NativeStruct.of(type, Map.of("r", (short) 200, "g", (short) 100, "b", (short) 50,
                "alpha", (short) -300)), passed[0]);
        // jnr-ffi passes the Java value's bits: @u_int8_t byte -1 is 255, @u_int32_t int -1 is 4294967295
        assertEquals((short) 255, passed[1]);
        assertEquals(4_294_967_295L, passed[2]);
        assertEquals(255, result.r.get());
        assertEquals(1, result.g.get());
        assertEquals(128, result.b.get());
        assertEquals(-2, result.alpha.get());
    }

    @Test
    public void anOutStructGetsCsBytesAndAnUnsignedResultItsJavaCarriersBits() throws Exception {
        NativeSignature signature = NativeSignature.parse("(out " + RGB + ",int,...,long)ubyte");
        NativeStruct written = NativeStruct.of(signature.parameterList().get(0).structType().orElseThrow(),
                Map.of("r", (short) 1, "g", (short) 2, "b", (short) 3, "alpha", (short) 4));
        Recording invoker = new Recording(new NativeCallResult((short) 200, Map.of("arg1", written),
                OptionalInt.empty()));
        RoutedCall call = RoutedCall.of(Colors.class.getMethod("pick", Rgb.class, int.class, long.class), signature,
                invoker);
        Rgb into = rgb(9, 9, 9, 9);

        assertEquals((byte) 200, call.call(new Object[] {into, 2, 7L}));
        assertArrayEquals("an out struct takes no argument", new Object[] {2, 7L}, invoker.calls.get(0));
        assertEquals(1, into.r.get());
        assertEquals(4, into.alpha.get());
    }

    @Test
    public void nullForAStructByValueOrAnInoutValueIsRefusedNamingMethodAndArgument() throws Exception {
        NativeSignature signature = NativeSignature.parse("(" + RGB + ",ubyte,uint)" + RGB);
        RoutedCall call = RoutedCall.of(Colors.class.getMethod("mix", Rgb.class, byte.class, int.class), signature,
                new Recording(null));
        NullPointerException e = assertThrows(NullPointerException.class, () -> call.call(new Object[] {null, (byte) 0, 0}));
        assertEquals(Colors.class.getName() + ".mix(" + Rgb.class.getName() + ",byte,int): argument 1 is a struct"
                + " passed by value, and null has no value", e.getMessage());
        RoutedCall parts = RoutedCall.of(Colors.class.getMethod("parts", Rgb.class, IntByReference.class,
                LongLongByReference.class), NativeSignature.parse("(" + RGB + ",out int,inout long)int"),
                new Recording(null));
        NullPointerException inout = assertThrows(NullPointerException.class,
                () -> parts.call(new Object[] {rgb(0, 0, 0, 0), null, null}));
        assertTrue(inout.getMessage(), inout.getMessage().endsWith(": argument 3 is read and written by C (inout long),"
                + " and null holds no value"));
    }

    @Test
    public void byReferenceObjectsAreOutAndInoutScalarsOrAPointerToACopyAsJnrFfiPassesThem() throws Exception {
        NativeSignature parts = NativeSignature.parse("(" + RGB + ",out int,inout long)int");
        Recording invoker = new Recording(new NativeCallResult(0, Map.of("arg2", 200, "arg3", 41L + 200),
                OptionalInt.empty()));
        RoutedCall call = RoutedCall.of(Colors.class.getMethod("parts", Rgb.class, IntByReference.class,
                LongLongByReference.class), parts, invoker);
        IntByReference red = new IntByReference(-1);
        LongLongByReference total = new LongLongByReference(41L);
        assertEquals(0, call.call(new Object[] {rgb(200, 0, 0, 0), red, total}));
        assertEquals("the out int takes no argument, the inout long its value", 41L, invoker.calls.get(0)[1]);
        assertEquals(2, invoker.calls.get(0).length);
        assertEquals(200, (int) red.getValue());
        assertEquals(241L, (long) total.getValue());

        // without @Out, a by-reference is a pointer to a copy of its value, which C may write
        FunctionInvoker scanf = new FunctionInvoker() {
            @Override
            public Object invoke(Object[] arguments) {
                return call(arguments).value();
            }

            @Override
            public NativeCallResult call(Object[] arguments) {
                jnr.ffi.Pointer value = jnr.ffi.Pointer.wrap(Runtime.getSystemRuntime(), (Long) arguments[1]);
                int before = value.getInt(0);
                value.putInt(0, before * 2);
                return new NativeCallResult(1, Map.of(), OptionalInt.empty());
            }
        };
        RoutedCall scan = RoutedCall.of(Colors.class.getMethod("scan", String.class, IntByReference.class),
                NativeSignature.parse("(string,...,pointer)int"), scanf);
        IntByReference value = new IntByReference(21);
        assertEquals(1, scan.call(new Object[] {"%d", value}));
        assertEquals(42, (int) value.getValue());
    }

    @Test
    public void aCallbackOrADeclarationOfAnotherShapeIsRefusedAtBind() throws Exception {
        LoadRefusal callback = assertThrows(LoadRefusal.class, () -> RoutedCall.of(
                Colors.class.getMethod("each", Rgb.class, Visitor.class),
                NativeSignature.parse("(" + RGB + ",pointer)int"), new Recording(null)));
        assertEquals(RefusalReason.LOAD_FAILED, callback.reason());
        assertTrue(callback.getMessage(), callback.getMessage().endsWith("which does not fit it: parameter 2 is "
                + Visitor.class.getName() + ", a callback; a @ByValue or @Variadic method takes none (declare the"
                + " function in a descriptor and call it through NativeFunction)"));
        LoadRefusal notAStruct = assertThrows(LoadRefusal.class, () -> RoutedCall.of(
                Colors.class.getMethod("mix", Rgb.class, byte.class, int.class),
                NativeSignature.parse("(long,ubyte,uint)" + RGB), new Recording(null)));
        assertTrue(notAStruct.getMessage(), notAStruct.getMessage().endsWith("parameter 1 is " + Rgb.class.getName()
                + ", which cannot carry long"));
        String wider = "Rgb{r:ubyte,g:ubyte,b:ubyte,alpha:int}";
        LoadRefusal size = assertThrows(LoadRefusal.class, () -> RoutedCall.of(
                Colors.class.getMethod("mix", Rgb.class, byte.class, int.class),
                NativeSignature.parse("(" + RGB + ",ubyte,uint)" + wider), new Recording(null)));
        assertTrue(size.getMessage(), size.getMessage().endsWith("it returns " + Rgb.class.getName() + ", which jnr-ffi"
                + " lays out in 6 bytes (with C's trailing padding), and the declaration's Rgb has 8"));
    }

    /** C's side of {@code mix} on bytes: each byte of the struct one more, as {@code callStructBytes} hands them. */
    private static byte[] nextBytes(byte[] in) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            out[i]++;
        }
        return out;
    }

    /** An invoker of the byte path only: {@link #nextBytes} of its struct argument. */
    private static final class OnBytes implements FunctionInvoker {
        @Override
        public Object invoke(Object[] arguments) {
            throw new AssertionError("a routed call takes the byte path");
        }

        @Override
        public NativeCallResult call(Object[] arguments) {
            throw new AssertionError("a routed call takes the byte path");
        }

        @Override
        public NativeCallResult callStructBytes(NativeSignature signature, Object[] arguments) {
            byte[] in = (byte[]) arguments[0];
            assertEquals("the declared layout's size", signature.returnStructType().orElseThrow().size(), in.length);
            return new NativeCallResult(nextBytes(in), Map.of(), OptionalInt.empty());
        }
    }

    /** The same through {@code call}: the struct decoded, as the default of {@code callStructBytes} hands it. */
    private static final class OnNativeStructs implements FunctionInvoker {
        @Override
        public Object invoke(Object[] arguments) {
            return call(arguments).value();
        }

        @Override
        public NativeCallResult call(Object[] arguments) {
            NativeStruct in = (NativeStruct) arguments[0];
            return new NativeCallResult(ValueCodec.decode(in.type(), nextBytes(ValueCodec.encode(in)), 0), Map.of(),
                    OptionalInt.empty());
        }
    }

    private static List<Integer> channels(Rgb c) {
        return List.of(c.r.intValue(), c.g.intValue(), c.b.intValue(), c.alpha.intValue());
    }

    @Test
    public void theBytePathGivesTheValuesOfTheNativeStructPathToManyThreadsAtOnce() throws Exception {
        NativeSignature signature = NativeSignature.parse("(" + RGB + ",ubyte,uint)" + RGB);
        java.lang.reflect.Method mix = Colors.class.getMethod("mix", Rgb.class, byte.class, int.class);
        RoutedCall bytes = RoutedCall.of(mix, signature, new OnBytes());
        RoutedCall structs = RoutedCall.of(mix, signature, new OnNativeStructs());
        Rgb viaBytes = (Rgb) bytes.call(new Object[] {rgb(200, 100, 255, -300), (byte) 0, 0});
        Rgb viaStructs = (Rgb) structs.call(new Object[] {rgb(200, 100, 255, -300), (byte) 0, 0});
        assertEquals(List.of(201, 101, 0), channels(viaBytes).subList(0, 3));
        assertEquals(channels(viaStructs), channels(viaBytes));

        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    start.await();
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        int r = random.nextInt(255), g = random.nextInt(255), b = random.nextInt(255);
                        Rgb out = (Rgb) bytes.call(new Object[] {rgb(r, g, b, seed), (byte) 0, 0});
                        assertEquals(List.of(r + 1, g + 1, b + 1, seed + 257), channels(out));
                    }
                    return seed;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                assertEquals(t, (int) results.get(t).get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
