package io.nativebundle.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

/**
 * The values that cross the wire of Remote Services (Java serialization): each reads back equal
 * to what was written, and a crafted stream that breaks an invariant is refused by name.
 */
public class SerializationTest {

    private static final NativeSignature DIV = NativeSignature.parse("(int,int)div_t{quot:int,rem:int}size=8");
    private static final NativeSignature NESTED = NativeSignature.parse(
            "(inout outer{a:ubyte,in:inner{x:double,y:float[3]},c:ushort[2]} o, out int[] v, uint n)ulong errno");

    @Test
    public void signaturesParametersAndLayoutsReadBackEqual() throws Exception {
        for (NativeSignature s : List.of(DIV, NESTED, NativeSignature.parse("(double x, out int exp)double"),
                new NativeSignature(List.of(NativeType.INT, NativeType.STRING), NativeType.LONG))) {
            assertEquals(s, roundTrip(s));
            assertEquals(s.toString(), roundTrip(s).toString());
            for (NativeParameter p : s.parameterList()) {
                NativeParameter read = (NativeParameter) roundTrip(p);
                assertEquals(p, read);
                assertEquals(p.label(), read.label());
                assertEquals(p.structType(), read.structType());
            }
        }
        NativeStructType outer = NESTED.parameterList().get(0).structType().orElseThrow();
        NativeStructType read = (NativeStructType) roundTrip(outer);
        assertEquals(outer, read);
        assertEquals(outer.size(), read.size());
        assertEquals(DIV.returnStructType().orElseThrow(), roundTrip(DIV.returnStructType().orElseThrow()));
    }

    @Test
    public void structsAndCallResultsReadBackEqualWithTheirArraysAndNestedStructs() throws Exception {
        NativeStruct value = outer(7);
        NativeStruct read = (NativeStruct) roundTrip(value);
        assertEquals(value, read);
        assertNotSame(value, read);
        assertArrayEquals(new int[] {1, 65535}, (int[]) read.get("c"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("o", value);
        out.put("v", new int[] {4, 5, 6});
        NativeCallResult result = new NativeCallResult(-1L, out, OptionalInt.of(34),
                Optional.of("Numerical result out of range"));
        NativeCallResult back = (NativeCallResult) roundTrip(result);
        assertEquals(result, back);
        assertArrayEquals(new int[] {4, 5, 6}, (int[]) back.outValues().get("v"));
        assertEquals(List.of("o", "v"), new ArrayList<>(back.outValues().keySet()));
        assertEquals(Optional.of("Numerical result out of range"), back.errnoMessage());
        NativeCallResult plain = new NativeCallResult(null, Map.of(), OptionalInt.empty());
        assertEquals(plain, roundTrip(plain));
        assertEquals(OptionalInt.empty(), ((NativeCallResult) roundTrip(plain)).errno());
    }

    @Test
    public void aStreamWithAMalformedSignatureIsRefusedNamingIt() throws Exception {
        byte[] stream = serialize(NativeSignature.parse("(int,int)int"));
        byte[] crafted = replace(stream, "(int,int)int", "(int,iXt)int");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(crafted));
        assertEquals("malformed serialized NativeSignature: expected a signature such as (int,int)int but found"
                + " '(int,iXt)int' (signature '(int,iXt)int', column 6: unknown parameter type 'iXt'; expected one of "
                + e.getMessage().substring(e.getMessage().indexOf("expected one of ") + 16), e.getMessage());
    }

    @Test
    public void aStreamWithAStructValueThatDoesNotFitItsLayoutIsRefusedNamingTheField() throws Exception {
        byte[] stream = serialize(NativeStruct.of(DIV.returnStructType().orElseThrow(), Map.of("quot", 3, "rem", 2)));
        // the values' key, a string of its own in the stream (0x74, length 4): a field the layout lacks
        byte[] crafted = replace(stream, "\u0074\u0000\u0004quot", "\u0074\u0000\u0004quox");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(crafted));
        assertEquals("malformed serialized NativeStruct: expected values that fit div_t{quot:int,rem:int}size=8 but"
                + " found struct div_t has no field 'quox'; its fields are [quot, rem]", e.getMessage());
        Map<String, Object> wrongType = new LinkedHashMap<>();
        wrongType.put("quot", "three");
        wrongType.put("rem", 2);
        e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(form(NativeStruct.class,
                DIV.returnStructType().orElseThrow(), new LinkedHashMap<>(wrongType)))));
        assertEquals(true, e.getMessage().startsWith("malformed serialized NativeStruct: expected values that fit"
                + " div_t{quot:int,rem:int}size=8 but found struct div_t: field 'quot'"));
    }

    @Test
    public void craftedFormsBreakingAnInvariantAreRefusedByName() throws Exception {
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(
                form(NativeCallResult.class, 1, new LinkedHashMap<>(), null, "Numerical result out of range"))));
        assertEquals("malformed serialized NativeCallResult: expected an errno text only with an errno but found"
                + " 'Numerical result out of range' without one", e.getMessage());
        e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(
                form(NativeCallResult.class, 1, null, null, null))));
        assertEquals("malformed serialized NativeCallResult: expected a map of out values, empty when there are none"
                + " but found null", e.getMessage());
        e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(
                form(NativeParameter.class, "(int,int)int", 2))));
        assertEquals("malformed serialized NativeParameter: expected a position from 0 below 2 in (int,int)int but"
                + " found 2", e.getMessage());
        e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(
                form(NativeStructType.class, "int"))));
        assertEquals("malformed serialized NativeStructType: expected a struct layout such as"
                + " div_t{quot:int,rem:int} but found 'int'", e.getMessage());
        e = assertThrows(InvalidObjectException.class, () -> deserialize(serialize(
                form(NativeStruct.class, null, new LinkedHashMap<>()))));
        assertEquals("malformed serialized NativeStruct: expected a layout and a value per field but found no layout",
                e.getMessage());
    }

    @Test
    public void aStreamHoldingTheClassItselfRatherThanItsFormIsRefused() throws Exception {
        byte[] stream = serialize(NativeSignature.parse("(int,int)int"));
        // the class descriptor names the form class; the same stream naming the class itself
        // (same serialVersionUID) would set its fields directly
        byte[] crafted = replace(stream, "\u0000\u0028io.nativebundle.api.NativeSignature$Form",
                "\u0000\u0023io.nativebundle.api.NativeSignature");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(crafted));
        assertEquals("a NativeSignature is read from its serial form only, but this stream holds the class's fields:"
                + " it was not written by io.nativebundle.api", e.getMessage());
    }

    @Test
    public void fourThreadsSerializeAndReadTheSameValuesAtOnce() throws Exception {
        NativeStruct value = outer(3);
        NativeCallResult result = new NativeCallResult(value, Map.of("v", new int[] {1, 2}), OptionalInt.of(0));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Boolean> task = () -> {
                    for (int i = 0; i < 500; i++) {
                        if (!result.equals(roundTrip(result)) || !NESTED.equals(roundTrip(NESTED))) {
                            return false;
                        }
                    }
                    return true;
                };
                done.add(threads.submit(task));
            }
            for (Future<Boolean> f : done) {
                assertEquals(true, f.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static NativeStruct outer(int a) {
        NativeStructType outer = NESTED.parameterList().get(0).structType().orElseThrow();
        NativeStructType inner = outer.field("in").orElseThrow().structType().orElseThrow();
        NativeStruct in = NativeStruct.of(inner, Map.of("x", 0.5, "y", new float[] {1f, 2f, 3f}));
        return NativeStruct.of(outer, Map.of("a", (short) a, "in", in, "c", new int[] {1, 65535}));
    }

    /** A serial form made as a forger would: the private form class, with values of its choosing. */
    private static Object form(Class<?> of, Object... values) throws Exception {
        Class<?> form = Class.forName(of.getName() + "$Form");
        Constructor<?> constructor = form.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        return deserialize(serialize(value));
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return in.readObject();
        }
    }

    /** The stream with the one occurrence of {@code from}'s bytes replaced by {@code to}'s. */
    private static byte[] replace(byte[] stream, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = to.getBytes(StandardCharsets.ISO_8859_1);
        int at = -1;
        for (int i = 0; i + a.length <= stream.length && at < 0; i++) {
            if (java.util.Arrays.equals(stream, i, i + a.length, a, 0, a.length)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new AssertionError("the stream does not hold " + from);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(stream, 0, at);
        out.write(b, 0, b.length);
        out.write(stream, at + a.length, stream.length - at - a.length);
        return out.toByteArray();
    }
}
