package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.StringParameters;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.call.TestLibrary;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.Encoding;
import jnr.ffi.mapper.MethodParameterContext;
import jnr.ffi.mapper.SignatureType;
import jnr.ffi.mapper.ToNativeType;

/** String parameters of a typed interface bound by jnr-ffi, through the per-position scratch. */
public class StringParameterConverterTest {

    /** Functions of {@code src/test/c/sym.c} that take C strings. */
    public interface Text {
        int length(String text);

        int two_lengths(String a, String b);

        long byte_sum(String text);
    }

    /** The same function with jnr-ffi's own conversion, in Latin-1. */
    public interface Latin1 {
        @Encoding("ISO-8859-1")
        long byte_sum(String text);
    }

    private static final Text TEXT = bind(Text.class);

    @Test
    public void everyKindOfStringArrivesAsUtf8() {
        for (String s : new String[] {"", "ascii", "Grüße", "€ and ∑", "🌍 emoji", "a\uD800b", "end high \uD83C",
                "x".repeat(4_095), "x".repeat(5_000), "€".repeat(2_000)}) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(s, utf8.length, TEXT.length(s));
            assertEquals(s, weightedSum(utf8), TEXT.byte_sum(s));
        }
    }

    @Test
    public void nullIsANullPointer() {
        assertEquals(-1, TEXT.length(null));
        assertEquals(3 * 10000 - 1, TEXT.two_lengths("abc", null));
    }

    @Test
    public void cReadsAStringWithANulUpToIt() {
        assertEquals(2, TEXT.length("ab\0cd"));
        assertEquals(2 * 10000 + 0, TEXT.two_lengths("ab\0cd", "\0"));
    }

    @Test
    public void twoParametersHaveTwoScratches() {
        assertEquals(5 * 10000 + 7, TEXT.two_lengths("first", "seventh"));
        assertEquals(5_000 * 10000 + 7, TEXT.two_lengths("y".repeat(5_000), "Grüße"));
    }

    @Test
    public void aNestedConversionAtTheSamePositionGetsACopyFreedAfterItsCall() {
        StringParameterConverter first = new StringParameterConverter(0, true);
        Long outer = first.toNative("outer", null);
        Long inner = first.toNative("inner, while the outer call runs", null);
        try {
            assertNotEquals(outer, inner);
            assertEquals("outer", NativeStrings.read(outer));
            assertEquals("inner, while the outer call runs", NativeStrings.read(inner));
        } finally {
            first.postInvoke("inner, while the outer call runs", inner, null);
            first.postInvoke("outer", outer, null);
        }
        Long again = first.toNative("again", null);
        first.postInvoke("again", again, null);
        assertSame("the scratch was given back", outer, again);
        assertEquals(Long.valueOf(0L), first.toNative(null, null));
    }

    /** A string, then a callback: after the library's cut, converting the callback throws. */
    public interface Stranding {
        /** sym.c's {@code two_lengths}; never reached: the callback's conversion throws first. */
        int two_lengths(String text, Callback callback);

        /** A jnr-ffi callback. */
        interface Callback {
            @Delegate
            int call(int x);
        }
    }

    /** The callback first: its conversion throws before the string's, so the guard takes a mark. */
    public interface CallbackFirst {
        /** Bound to sym.c's {@code two_lengths}, never reached. */
        int two_lengths(Stranding.Callback callback, String text);
    }

    @Test
    public void aLaterParameterWhoseConversionThrowsLeavesNoStringHeldBehindTheGuard() throws Exception {
        // a library of its own, so its cut leaves TestLibrary's upcalls alone; never closed, as
        // TestLibrary's: jffi keeps one handle per path, and closing it would unmap TestLibrary's too
        BackendLibrary library = new JnrBackend().open(TestLibrary.FILE, List.of());
        Stranding bound = library.bind(Stranding.class);
        LibraryGeneration generation = new LibraryGeneration("sym", new Version(1, 0, 0), 1L, 1L, "test.sym", null,
                List.of(), new ReferenceQueue<>());
        generation.opened("jnr", library);
        Stranding guarded = GuardFactory.of(Stranding.class).guard(generation, bound, null);
        // the upcall stubs refuse from now on, so the callback parameter cannot be converted
        library.cut();
        Long scratch = NativeStrings.PARAMETERS.take("probe", 0);
        assertTrue(NativeStrings.PARAMETERS.release(scratch, 0));

        assertThrows(IllegalStateException.class, () -> guarded.two_lengths("converted, never released", x -> x));
        Long again = NativeStrings.PARAMETERS.take("the next call", 0);
        assertSame("the guard gave the scratch back", scratch, again);
        assertTrue(NativeStrings.PARAMETERS.release(again, 0));

        // the same call without the guard: jnr-ffi skips the release, which is what the guard repairs
        long before = StringParameters.mark();
        assertThrows(IllegalStateException.class, () -> bound.two_lengths("stranded", x -> x));
        assertNull("taken by the stranded call", NativeStrings.PARAMETERS.take("x", 0));
        StringParameters.abandon(before);
        assertSame(scratch, NativeStrings.PARAMETERS.take("free", 0));
        assertTrue(NativeStrings.PARAMETERS.release(scratch, 0));
    }

    @Test
    public void aCallThatThrowsBeforeItsFirstStringLeavesWhatAnOuterCallHolds() throws Exception {
        BackendLibrary library = new JnrBackend().open(TestLibrary.FILE, List.of());
        CallbackFirst bound = library.bind(CallbackFirst.class);
        LibraryGeneration generation = new LibraryGeneration("sym", new Version(1, 0, 0), 2L, 1L, "test.sym", null,
                List.of(), new ReferenceQueue<>());
        generation.opened("jnr", library);
        CallbackFirst guarded = GuardFactory.of(CallbackFirst.class).guard(generation, bound, null);
        library.cut();
        // an outer call of this thread, in C, holds position 1: a callback of it makes the call below
        Long outer = NativeStrings.PARAMETERS.take("outer", 1, true);
        assertThrows(IllegalStateException.class, () -> guarded.two_lengths(x -> x, "never converted"));
        assertNull("the outer call's string is still held", NativeStrings.PARAMETERS.take("x", 1));
        assertTrue(NativeStrings.PARAMETERS.release(outer, 1));
    }

    @Test
    public void eachPositionGetsItsOwnConverterAndEncodingKeepsJnrsConversion() throws Exception {
        Method two = Text.class.getMethod("two_lengths", String.class, String.class);
        assertEquals(0, converterAt(two, 0).position());
        assertEquals(1, converterAt(two, 1).position());
        Method latin1 = Latin1.class.getMethod("byte_sum", String.class);
        assertNull(StringParameterMapper.INSTANCE.getToNativeType(stringType(),
                new MethodParameterContext(Runtime.getSystemRuntime(), latin1, 0)));
        // jnr-ffi's own conversion in Latin-1: 'ü' is the one byte 0xFC, not UTF-8's C3 BC
        assertEquals(0xFC, bind(Latin1.class).byte_sum("ü"));
        assertEquals(0xC3 + 2 * 0xBC, TEXT.byte_sum("ü"));
    }

    @Test
    public void manyThreadsGetTheirOwnStringsThrough() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = "caller " + t + " ü€🌍 ";
                done.add(pool.submit((Callable<Integer>) () -> {
                    int right = 0;
                    for (int i = 0; i < 20_000; i++) {
                        String a = mine + i;
                        String b = i + mine;
                        byte[] utf8 = a.getBytes(StandardCharsets.UTF_8);
                        if (TEXT.byte_sum(a) == weightedSum(utf8)
                                && TEXT.two_lengths(a, b) == utf8.length * 10000 + b.getBytes(StandardCharsets.UTF_8).length) {
                            right++;
                        }
                    }
                    return right;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(Integer.valueOf(20_000), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static StringParameterConverter converterAt(Method method, int index) {
        ToNativeType type = StringParameterMapper.INSTANCE.getToNativeType(stringType(),
                new MethodParameterContext(Runtime.getSystemRuntime(), method, index));
        assertTrue(String.valueOf(type), type != null && type.getToNativeConverter() instanceof StringParameterConverter);
        return (StringParameterConverter) type.getToNativeConverter();
    }

    private static SignatureType stringType() {
        return new SignatureType() {
            @Override
            public Class getDeclaredType() {
                return String.class;
            }

            @Override
            public java.util.Collection<java.lang.annotation.Annotation> getAnnotations() {
                return List.of();
            }

            @Override
            public java.lang.reflect.Type getGenericType() {
                return String.class;
            }
        };
    }

    private static long weightedSum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length && bytes[i] != 0; i++) {
            sum += (long) (bytes[i] & 0xFF) * (i + 1);
        }
        return sum;
    }

    private static <T> T bind(Class<T> type) {
        try {
            return TestLibrary.LIBRARY.bind(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
