package io.nativebundle.itests.abi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Callbacks through a descriptor over the host's libc: {@code qsort} with a Java comparator on
 * 100,000 random ints against {@code Arrays.sort}; a comparator that throws (the caller of qsort
 * gets that exception, the error is counted, the library keeps working); {@code native:call}
 * refusing a callback parameter; a library out of process refusing a callback by name.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LibcCallbacksTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-callbacks/plugins");

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[callbacks]",
        "comparator = (pointer, pointer)int",
        "",
        "[symbols]",
        "qsort = (pointer base, size_t n, size_t size, comparator cmp)void",
        "# memset(s, 0, 0) returns s: the address of a direct buffer, so Java reads what qsort sorts in place",
        "memset = (buffer s, int c, size_t n)pointer");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    private NativeFunction function(String symbol) throws Exception {
        drop();
        return function("c", symbol);
    }

    private static synchronized void drop() throws java.io.IOException {
        if (!new File(PLUGINS, "c.nativebundle").exists()) {
            Drops.drop(PLUGINS, "c.nativebundle", LIBC);
        }
    }

    /** Ints in C memory (a direct buffer) that qsort sorts in place and a comparator reads by address. */
    private static final class CInts {
        final ByteBuffer memory;
        final long address;

        CInts(NativeFunction memset, int[] values) {
            memory = ByteBuffer.allocateDirect(4 * values.length).order(ByteOrder.nativeOrder());
            memory.asIntBuffer().put(values);
            address = (Long) memset.invoke(memory, 0, 0L);
        }

        int at(Object pointer) {
            long offset = (Long) pointer - address;
            if (offset < 0 || offset >= memory.capacity()) {
                throw new IllegalStateException("qsort compared an element outside the array: " + pointer);
            }
            return memory.getInt((int) offset);
        }

        NativeCallback comparator() {
            return args -> Integer.compare(at(args[0]), at(args[1]));
        }

        int[] values() {
            int[] values = new int[memory.capacity() / 4];
            memory.asIntBuffer().get(values);
            return values;
        }
    }

    @Test
    public void qsortWithAJavaComparatorSorts100000RandomIntsAsArraysSortDoes() throws Exception {
        NativeFunction qsort = function("qsort");
        NativeFunction memset = function("memset");
        int[] values = new Random(15).ints(100_000).toArray();
        CInts ints = new CInts(memset, values);
        qsort.call(ints.address, (long) values.length, 4L, ints.comparator());
        int[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, ints.values());
        assertEquals(java.util.Optional.of("comparator"), qsort.signature().parameterList().get(3).callbackName());
    }

    @Test
    public void aComparatorThatThrowsThrowsToTheCallerOfQsortWhichIsCountedAndTheLibraryKeepsWorking() throws Exception {
        NativeFunction qsort = function("qsort");
        NativeFunction memset = function("memset");
        NativeMetrics metrics = service(NativeMetrics.class, null);
        long errorsBefore = qsortErrors(metrics);
        int[] values = new Random(3).ints(10_000).toArray();
        CInts ints = new CInts(memset, values);
        IllegalStateException thrown = new IllegalStateException("the comparator gave up");
        AtomicInteger comparisons = new AtomicInteger();
        NativeCallback sorting = ints.comparator();
        NativeCallback failing = args -> {
            if (comparisons.incrementAndGet() == 1_000) {
                throw thrown;
            }
            return sorting.invoke(args);
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> qsort.call(ints.address, (long) values.length, 4L, failing));
        assertSame(thrown, e);
        assertEquals(errorsBefore + 1, qsortErrors(metrics));
        // qsort's process, this framework, survived: the same function sorts with a good comparator
        qsort.call(ints.address, (long) values.length, 4L, sorting);
        int[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, ints.values());
    }

    private static long qsortErrors(NativeMetrics metrics) {
        return metrics.stats("c").stream().filter(s -> s.symbol().equals("qsort")).mapToLong(SymbolStats::errors)
                .findFirst().orElse(0L);
    }

    @Test
    public void nativeCallRefusesACallbackParameterSayingWhy() throws Exception {
        function("qsort");
        String message = Gogo.execute(context, "native:call c qsort 0 0 4 x").failureMessage();
        assertTrue(message, message.contains(
                "qsort(pointer base,ulong n,ulong size,comparator(pointer,pointer)int cmp)void of c cannot be called"
                        + " from the shell: parameter 4 (cmp) is a callback comparator(pointer,pointer)int, and a shell"
                        + " cannot supply the Java code C would call"));
    }

    @Test
    public void aLibraryOutOfProcessRefusesACallbackNamingSymbolAndType() throws Exception {
        java.nio.file.Path descriptor = Drops.drop(PLUGINS, "cq.nativebundle", HostLibc.descriptor("cq",
                "isolation = process", "",
                "[callbacks]", "comparator = (pointer, pointer)int", "", "[symbols]", "abs = (int)int",
                "qsort = (pointer, size_t, size_t, comparator)void"));
        NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
        Bundle bundle = Drops.await("cq.nativebundle wrapped", () -> Drops.installedFrom(context, descriptor));
        NativeBundleStatus status = Drops.await("cq refused", () -> registry.status(bundle.getBundleId())
                .filter(s -> s.reason().isPresent()).orElse(null));
        assertEquals(java.util.Optional.of(RefusalReason.LOAD_FAILED), status.reason());
        assertTrue(status.detail(), status.detail().contains("function 'qsort' of library 'cq' is declared"
                + " (pointer,ulong,ulong,comparator(pointer,pointer)int)void; a library that runs out of process"
                + " (isolation=process) cannot carry callback 'comparator(pointer,pointer)int'"));
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=cq)");
        // the libc loaded in process is undisturbed: it still sorts with a Java comparator
        CInts ints = new CInts(function("memset"), new int[] {3, 1, 2});
        function("qsort").call(ints.address, 3L, 4L, ints.comparator());
        assertArrayEquals(new int[] {1, 2, 3}, ints.values());
    }
}
