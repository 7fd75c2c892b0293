package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;

/** A typed interface's {@code jnr.ffi.Struct} parameters get memory of their C size, in the direction declared. */
public class StructArgumentsTest {

    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    /** A byte, a double and three shorts: 22 bytes in jnr-ffi, 24 in C. */
    public static final class Shape extends Struct {
        public final Signed8 kind = new Signed8();
        public final Double scale = new Double();
        public final Signed16[] tags = array(new Signed16[3]);

        public Shape(Runtime runtime) {
            super(runtime);
        }
    }

    /** memset writes the whole struct, as {@code *s = r} does. */
    public interface InOut {
        Pointer memset(Shape s, int c, @size_t long n);
    }

    public interface InOnly {
        Pointer memset(@In Shape s, int c, @size_t long n);
    }

    public interface OutOnly {
        Pointer memset(@Out Shape s, int c, @size_t long n);
    }

    private static <T> T bind(Class<T> type) throws Exception {
        assumeTrue("glibc x86-64 only", Files.exists(LIBC));
        return LibraryBinder.bind(type, LIBC, List.of(), new JnrUpcalls("libc"));
    }

    @Test
    public void theCSizeIsJnrsSizeWithTrailingPadding() {
        Shape s = new Shape(Runtime.getSystemRuntime());
        assertEquals(22, Struct.size(s));
        assertEquals(24, StructArguments.cSize(s));
    }

    @Test
    public void aWholeStructWriteByCLandsInMemoryOfTheCSizeAndComesBack() throws Exception {
        InOut libc = bind(InOut.class);
        Runtime runtime = Runtime.getRuntime(libc);
        // direct memory of jnr's 22 bytes, with two canary bytes behind it that C must not reach
        Pointer backing = Memory.allocateDirect(runtime, 24, true);
        Shape s = new Shape(runtime);
        s.useMemory(backing.slice(0, 22));

        libc.memset(s, 0x11, 24);

        assertEquals(0x11, s.kind.get());
        assertEquals(0x1111, s.tags[2].get());
        assertArrayEquals(new byte[] {0, 0}, bytes(backing, 22, 2));
    }

    @Test
    public void aHeapStructIsCopiedInAndBackAndInOrOutOnlyOneWay() throws Exception {
        Runtime runtime = Runtime.getRuntime(bind(InOut.class));
        Shape both = new Shape(runtime);
        bind(InOut.class).memset(both, 0x22, 24);
        assertEquals(0x22, both.kind.get());

        Shape in = new Shape(runtime);
        in.kind.set(5);
        bind(InOnly.class).memset(in, 0x33, 24);
        assertEquals("@In is not copied back", 5, in.kind.get());

        Shape out = new Shape(runtime);
        out.kind.set(5);
        bind(OutOnly.class).memset(out, 0x44, 1);
        assertEquals(0x44, out.kind.get());
        assertEquals("@Out is not copied in: the rest is C's zeroed memory", 0, out.tags[0].get());
    }

    @Test
    public void concurrentCallersEachGetTheirOwnStruct() throws Exception {
        InOut libc = bind(InOut.class);
        Runtime runtime = Runtime.getRuntime(libc);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int c = t + 1;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Shape s = new Shape(runtime);
                        libc.memset(s, c, 24);
                        if (s.kind.get() != c || s.tags[2].get() != (short) (c * 0x101)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(Pointer p, long offset, int length) {
        byte[] b = new byte[length];
        p.get(offset, b, 0, length);
        return b;
    }
}
