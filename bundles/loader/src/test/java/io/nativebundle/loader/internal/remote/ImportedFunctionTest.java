package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import org.junit.Test;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;

/**
 * An imported NativeFunction against a stand-in for the other side that does what the wire does:
 * every argument and result is serialized, so arrays arrive and return as copies.
 */
public class ImportedFunctionTest {

    /** The exporting side of {@code signature}: {@code body} computes the result and writes into the arrays. */
    private static final class OtherSide implements NativeFunction {
        private final NativeSignature signature;
        private final Function<Object[], NativeCallResult> body;
        final AtomicInteger signatureCalls = new AtomicInteger();
        final AtomicInteger invokeCalls = new AtomicInteger();

        OtherSide(String signature, Function<Object[], NativeCallResult> body) {
            this.signature = NativeSignature.parse(signature);
            this.body = body;
        }

        @Override
        public String name() {
            throw new AssertionError("the name is the import's");
        }

        @Override
        public NativeSignature signature() {
            signatureCalls.incrementAndGet();
            return (NativeSignature) wire(signature);
        }

        @Override
        public NativeLibrary library() {
            throw new AssertionError("not asked of the other side");
        }

        @Override
        public Object invoke(Object... args) {
            invokeCalls.incrementAndGet();
            return wire(body.apply((Object[]) wire(args)).value());
        }

        @Override
        public NativeCallResult call(Object... args) {
            return (NativeCallResult) wire(body.apply((Object[]) wire(args)));
        }

        @Override
        public IntBinaryOperator asIntBinaryOperator() {
            throw new AssertionError("a typed view does not cross");
        }

        @Override
        public IntUnaryOperator asIntUnaryOperator() {
            throw new AssertionError();
        }

        @Override
        public IntSupplier asIntSupplier() {
            throw new AssertionError();
        }

        @Override
        public LongBinaryOperator asLongBinaryOperator() {
            throw new AssertionError();
        }

        @Override
        public Runnable asRunnable() {
            throw new AssertionError();
        }

        @Override
        public ToIntFunction<String> asStringToIntFunction() {
            throw new AssertionError();
        }

        @Override
        public Function<String, String> asStringFunction() {
            throw new AssertionError();
        }
    }

    private static NativeCallResult result(Object value, Map<String, Object> out) {
        return new NativeCallResult(value, out, OptionalInt.empty());
    }

    /** {@code (inout int[] v, out int[] squares)int}: reverses v, writes the squares, returns the sum. */
    private static final OtherSide REVERSE = new OtherSide("(inout int[] v, out int[] squares)int", args -> {
        int[] v = (int[]) args[0];
        int[] squares = (int[]) args[1];
        int sum = 0;
        for (int i = 0; i < v.length / 2; i++) {
            int t = v[i];
            v[i] = v[v.length - 1 - i];
            v[v.length - 1 - i] = t;
        }
        for (int i = 0; i < v.length; i++) {
            squares[i] = v[i] * v[i];
            sum += v[i];
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("v", v);
        out.put("squares", squares);
        return result(sum, out);
    });

    @Test
    public void arraysCWritesIntoComeBackIntoTheCallersArraysAsInALocalCall() {
        ImportedFunction f = new ImportedFunction(REVERSE, "reverse", "c", "tcp://127.0.0.1:9200");
        int[] v = {1, 2, 3};
        int[] squares = new int[3];
        NativeCallResult r = f.call(v, squares);
        assertEquals(6, r.value());
        assertArrayEquals(new int[] {3, 2, 1}, v);
        assertArrayEquals(new int[] {9, 4, 1}, squares);
        assertArrayEquals(new int[] {9, 4, 1}, (int[]) r.outValues().get("squares"));
        int[] w = {5, 6};
        int[] w2 = new int[2];
        assertEquals(11, f.invoke(w, w2));
        assertArrayEquals("invoke copies back too, through call", new int[] {6, 5}, w);
        assertArrayEquals(new int[] {36, 25}, w2);
    }

    @Test
    public void nameIsTheImportsAndTheSignatureIsAskedOnceWhileTheLibraryIsRefused() {
        OtherSide add = new OtherSide("(int a,int b)int", args -> result((Integer) args[0] + (Integer) args[1],
                Map.of()));
        ImportedFunction f = new ImportedFunction(add, "add", "math", "tcp://127.0.0.1:9201");
        assertEquals("add", f.name());
        assertEquals(NativeSignature.parse("(int a,int b)int"), f.signature());
        assertEquals(NativeSignature.parse("(int a,int b)int"), f.signature());
        assertEquals(1, add.signatureCalls.get());
        assertEquals(5, f.invoke(2, 3));
        assertEquals("a signature without arrays C writes into calls invoke there", 1, add.invokeCalls.get());
        assertEquals(9, f.asIntBinaryOperator().applyAsInt(4, 5));
        UnsupportedOperationException library = assertThrows(UnsupportedOperationException.class, f::library);
        assertEquals("function add of library 'math' is imported from tcp://127.0.0.1:9201: its library is loaded in"
                + " the exporting framework, not here; native:info math there describes it", library.getMessage());
        IllegalStateException view = assertThrows(IllegalStateException.class, f::asStringFunction);
        assertEquals("add(int a,int b)int is not a (string)string function; asStringFunction() needs (string)string,"
                + " use invoke(Object...) for (int a,int b)int", view.getMessage());
    }

    @Test
    public void fourThreadsCallingAtOnceEachGetTheirOwnArraysBack() throws Exception {
        ImportedFunction f = new ImportedFunction(REVERSE, "reverse", "c", "tcp://127.0.0.1:9200");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int[] v = {base + i, base + i + 1};
                        int[] squares = new int[2];
                        NativeCallResult r = f.call(v, squares);
                        if (v[0] != base + i + 1 || v[1] != base + i || squares[1] != (base + i) * (base + i)
                                || !r.value().equals(2 * (base + i) + 1)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> d : done) {
                assertEquals(true, d.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What the TCP provider does to every argument and result: a serialized copy. */
    private static Object wire(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
