package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.InterfaceMethods;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.ffm.FfmBindings.Call;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.int8_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int16_t;
import jnr.ffi.types.u_int32_t;
import jnr.ffi.types.u_int64_t;
import jnr.ffi.types.u_int8_t;

/**
 * jnr-ffi's unsigned and size annotations and {@code @SaveError} on FFM: the abitest library's
 * functions through an FFM binding and through jnr-ffi's own binding of the same interface, each
 * value compared, out-of-range arguments included (both pass the low bits), and errno per thread.
 */
public class FfmTypedValuesTest {

    /** abitest's unsigned functions, with carriers as wide as the C type and wider. */
    public interface Unsigned {
        @u_int8_t short next_u8(@u_int8_t short v);

        @u_int8_t int next_u8(@u_int8_t int v);

        @u_int16_t int next_u16(@u_int16_t int v);

        @u_int32_t long next_u32(@u_int32_t long v);

        @u_int32_t int next_u32(@u_int32_t int v);

        @u_int64_t long next_u64(@u_int64_t long v);

        @size_t long half_size(@size_t long n);

        @ssize_t long negate_ssize(@ssize_t long n);

        @SaveError
        int fail_with(int e);
    }

    /**
     * What FFM still leaves to jnr: another integer annotation, an array; and fail_with, whose types FFM
     * passes, because sum_ints saves errno too and is jnr's: an interface's errno comes from one place.
     */
    public interface Left {
        @int8_t int next_u8(@int8_t int v);

        @SaveError
        long sum_ints(@In int[] values, int n);

        @SaveError
        int fail_with(int e);
    }

    private static final Path LIBABITEST = Path.of(System.getProperty("nativebundle.test.libabitest",
            "target/test-natives/libabitest.so")).toAbsolutePath();
    private static final long[] VALUES = {0, 1, 2, 126, 127, 128, 254, 255, 256, 300, 32_767, 32_768, 65_534, 65_535,
        65_536, Integer.MAX_VALUE, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE,
        Long.MIN_VALUE, -1, -2, -128, -129, -32_768, -65_536, Integer.MIN_VALUE};

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private BackendLibrary ffm;
    private BackendLibrary jnr;

    @Before
    public void open() throws Exception {
        ffm = new FfmBackend(new JnrBackend()).open(copy("ffm"), List.of());
        jnr = new JnrBackend().open(copy("jnr"), List.of());
    }

    private Path copy(String folder) throws Exception {
        return Files.copy(LIBABITEST, temporary.newFolder(folder).toPath().resolve("libabitest.so"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @After
    public void close() {
        if (ffm != null) {
            ffm.close();
        }
        if (jnr != null) {
            jnr.close();
        }
    }

    @Test
    public void everyMethodOfUnsignedTypesAndSaveErrorIsFfmsOwn() {
        for (Method method : InterfaceMethods.abstractOnly(Unsigned.class)) {
            Call call = FfmBindings.call(Unsigned.class, method, LeafMethods.annotatedOnly());
            assertEquals(method.toString(), method.getName().equals("fail_with") ? Call.CAPTURING : Call.DOWNCALL, call);
        }
        assertTrue(FfmBindings.savesErrnoItself(Unsigned.class));
    }

    @Test
    public void anUnreadAnnotationAnArrayAndTheirInterfacesErrnoStayJnrs() {
        for (Method method : InterfaceMethods.abstractOnly(Left.class)) {
            assertEquals(method.toString(), Call.JNR, FfmBindings.call(Left.class, method, LeafMethods.annotatedOnly()));
        }
        assertFalse(FfmBindings.savesErrnoItself(Left.class));
    }

    @Test
    public void unsignedValuesAreWhatJnrMakesOfThem() throws Exception {
        Unsigned viaFfm = ffm.bind(Unsigned.class);
        Unsigned viaJnr = jnr.bind(Unsigned.class);
        for (long v : VALUES) {
            String what = " of " + v;
            assertEquals("next_u8(short)" + what, viaJnr.next_u8((short) v), viaFfm.next_u8((short) v));
            assertEquals("next_u8(int)" + what, viaJnr.next_u8((int) v), viaFfm.next_u8((int) v));
            assertEquals("next_u16" + what, viaJnr.next_u16((int) v), viaFfm.next_u16((int) v));
            assertEquals("next_u32(long)" + what, viaJnr.next_u32(v), viaFfm.next_u32(v));
            assertEquals("next_u32(int)" + what, viaJnr.next_u32((int) v), viaFfm.next_u32((int) v));
            assertEquals("next_u64" + what, viaJnr.next_u64(v), viaFfm.next_u64(v));
            assertEquals("half_size" + what, viaJnr.half_size(v), viaFfm.half_size(v));
            assertEquals("negate_ssize" + what, viaJnr.negate_ssize(v), viaFfm.negate_ssize(v));
        }
        assertEquals("255 + 1 wraps", 0, viaFfm.next_u8((short) 255));
        assertEquals("an unsigned result is zero-extended", 255, viaFfm.next_u8((short) 254));
        assertEquals(65_535, viaFfm.next_u16(65_534));
        assertEquals(0xFFFF_FFFFL, viaFfm.next_u32(0xFFFF_FFFEL));
        assertEquals(0, viaFfm.next_u32(0xFFFF_FFFFL));
        assertEquals(Long.MIN_VALUE, viaFfm.next_u64(Long.MAX_VALUE));
        assertEquals("halved unsigned", Long.divideUnsigned(-2L, 2), viaFfm.half_size(-2L));
    }

    @Test
    public void saveErrorGivesEachThreadTheErrnoItsCallSaved() throws Exception {
        Unsigned viaFfm = ffm.bind(Unsigned.class);
        assertEquals(-1, viaFfm.fail_with(2));
        assertEquals(OptionalInt.of(2), ffm.savedErrno());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int errno = 10 + t;
                calls.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 5_000; i++) {
                        viaFfm.fail_with(errno + i % 3);
                        wrong += ffm.savedErrno().equals(OptionalInt.of(errno + i % 3)) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals("errno read that another call had saved", 0, (int) call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void errnoOfAnInterfaceJnrSavesIsJnrs() throws Exception {
        Left left = ffm.bind(Left.class);
        assertEquals(-1, left.fail_with(9));
        assertEquals(OptionalInt.of(9), ffm.savedErrno());
        assertEquals(6, left.sum_ints(new int[] {1, 2, 3}, 3));
    }
}
