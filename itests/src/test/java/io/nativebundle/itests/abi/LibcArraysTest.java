package io.nativebundle.itests.abi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Arrays of unsigned types, booleans and structs as parameters, through a descriptor over the
 * host's libc: {@code qsort} over an {@code inout div_t[]} with a Java comparator against a Java
 * sort, from four threads; {@code memchr}, {@code memcmp} and {@code memset} on {@code ubyte[]}
 * against Java's unsigned arithmetic; {@code uint[]} and {@code boolean[]} in C's widths; an
 * element out of range refused by index; {@code native:call} reading and printing them; and a
 * host process refusing them at bind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LibcArraysTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-arrays/plugins");

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[structs]",
        "div_t = { quot: int, rem: int } size=8",
        "",
        "[callbacks]",
        "comparator = (pointer, pointer)int",
        "",
        "[symbols]",
        "qsort = (inout div_t[] base, size_t n, size_t size, comparator cmp)void",
        "# reads the int a comparator's pointer points at",
        "memmove = (out int[] dst, pointer src, size_t n)pointer",
        "memchr = (ubyte[] s, int c, size_t n)pointer",
        "memcmp = (ubyte[] a, ubyte[] b, size_t n)int",
        "memset = (out ubyte[] s, int c, size_t n)pointer",
        "memcpy = (inout uint[] dst, uint[] src, size_t n)pointer",
        "bcmp = (boolean[] a, int[] b, size_t n)int");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        Drops.drop(PLUGINS, "c.nativebundle", LIBC);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    private String shell(String command) throws Exception {
        Gogo.Outcome outcome = Gogo.execute(context, command);
        if (outcome.failure() != null) {
            throw new AssertionError(command + " failed: " + outcome.failure(), outcome.failure());
        }
        return outcome.output().strip();
    }

    @Test
    public void qsortSortsAnArrayOfStructsWithAJavaComparatorFromFourThreads() throws Exception {
        NativeFunction qsort = function("c", "qsort");
        NativeFunction memmove = function("c", "memmove");
        NativeStructType divT = qsort.signature().parameterList().get(0).structType().orElseThrow();
        assertEquals(8, divT.size());
        // by quot, read from C's copy of the array: memmove copies the int at the pointer
        NativeCallback byQuot = args -> {
            int[] a = new int[1];
            int[] b = new int[1];
            memmove.call(a, args[0], 4L);
            memmove.call(b, args[1], 4L);
            return Integer.compare(a[0], b[0]);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int round = 0; round < 5; round++) {
                        NativeStruct[] values = new NativeStruct[1 + random.nextInt(1_000)];
                        for (int i = 0; i < values.length; i++) {
                            int quot = random.nextInt();
                            values[i] = NativeStruct.of(divT, Map.of("quot", quot, "rem", quot & 0xff));
                        }
                        List<NativeStruct> expected = new ArrayList<>(Arrays.asList(values));
                        expected.sort(Comparator.comparingInt(v -> (Integer) v.get("quot")));
                        qsort.call(values, (long) values.length, 8L, byQuot);
                        // every struct comes back whole: its rem still belongs to its quot
                        assertEquals(expected.stream().map(NativeStruct::toString).toList(),
                                Arrays.stream(values).map(NativeStruct::toString).toList());
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void ubyteArraysReachCAsUnsignedBytes() throws Exception {
        NativeFunction memchr = function("c", "memchr");
        NativeFunction memcmp = function("c", "memcmp");
        NativeFunction memset = function("c", "memset");
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            short[] a = new short[1 + random.nextInt(64)];
            short[] b = new short[a.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = (short) random.nextInt(256);
                b[j] = random.nextInt(4) == 0 ? (short) random.nextInt(256) : a[j];
            }
            int expected = Integer.signum(Arrays.compare(a, b));
            assertEquals(Arrays.toString(a) + " vs " + Arrays.toString(b), expected,
                    Integer.signum((Integer) memcmp.invoke(a, b, (long) a.length)));
            int wanted = random.nextInt(256);
            boolean present = false;
            for (short s : a) {
                present |= s == wanted;
            }
            assertEquals(wanted + " in " + Arrays.toString(a), present,
                    (Long) memchr.invoke(a, wanted, (long) a.length) != 0L);
        }
        short[] filled = new short[4];
        memset.call(filled, 0xC8, 3L);
        assertArrayEquals(new short[] {200, 200, 200, 0}, filled);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memcmp.invoke(new short[] {1, 256}, new short[] {1, 2}, 2L));
        assertEquals("memcmp(ubyte[] a,ubyte[] b,ulong n)int: argument 1, element [1], must be ubyte (0 to 255) but"
                + " is 256", e.getMessage());
    }

    @Test
    public void uintAndBooleanArraysTravelInCsWidths() throws Exception {
        long[] dst = {0, 0, 7};
        function("c", "memcpy").call(dst, new long[] {4294967295L, 2147483648L}, 8L);
        assertArrayEquals(new long[] {4294967295L, 2147483648L, 7}, dst);
        NativeFunction bcmp = function("c", "bcmp");
        assertEquals(0, bcmp.invoke(new boolean[] {true, false, true}, new int[] {1, 0, 1}, 12L));
        assertNotEquals(0, bcmp.invoke(new boolean[] {true}, new int[] {2}, 4L));
    }

    @Test
    public void nativeCallReadsAndPrintsTheseArrays() throws Exception {
        function("c", "memset");
        String[] lines = shell("native:call c memset '[9, 9, 9, 9]' 255 2").split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0], lines[0].startsWith("0x"));
        assertEquals("s=[255, 255, 0, 0]", lines[1]);
        assertTrue(Integer.parseInt(shell("native:call c memcmp '[1, 200]' '[1, 100]' 2")) > 0);
        assertEquals("dst=[4294967295, 3]", shell("native:call c memcpy '[0, 3]' '[4294967295]' 4").split("\n")[1]);
        String refused = Gogo.execute(context, "native:call c memcmp '[1, 300]' '[1]' 1").failureMessage();
        assertTrue(refused, refused.contains("element 2: '300' is out of range for ubyte: 0..255"));
    }

    @Test
    public void aHostProcessRefusesAnArrayItCannotCarryAtBind() throws Exception {
        java.nio.file.Path descriptor = Drops.drop(PLUGINS, "ca.nativebundle", HostLibc.descriptor("ca",
                "isolation = process", "",
                "[symbols]", "abs = (int)int", "memcmp = (ubyte[] a, ubyte[] b, size_t n)int"));
        NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
        Bundle bundle = Drops.await("ca.nativebundle wrapped", () -> Drops.installedFrom(context, descriptor));
        NativeBundleStatus status = Drops.await("ca refused", () -> registry.status(bundle.getBundleId())
                .filter(s -> s.reason().isPresent()).orElse(null));
        assertEquals(java.util.Optional.of(RefusalReason.LOAD_FAILED), status.reason());
        assertTrue(status.detail(), status.detail().contains("function 'memcmp' of library 'ca' is declared"
                + " (ubyte[] a,ubyte[] b,ulong n)int; a library that runs out of process (isolation=process) cannot"
                + " carry 'ubyte[] a'"));
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=ca)");
        // the libc loaded in process is undisturbed
        assertEquals(0, function("c", "memcmp").invoke(new short[] {255}, new short[] {255}, 1L));
    }
}
