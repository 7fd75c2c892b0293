package io.nativebundle.loader.internal.backend.routed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.ByValue;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.unload.Unloader;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;
import jnr.ffi.types.size_t;

/**
 * Routed methods over the process's libc on the jnr backend, through a generation and its guard as
 * the loader binds them: {@code div}/{@code ldiv} return structs by value, {@code snprintf} and
 * {@code open} are variadic, the other methods keep jnr-ffi's binding, which never sees the routed ones.
 */
public class RoutedBindingTest {

    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
    private static final int ENOENT = 2;

    public static final class DivT extends Struct {
        public final Signed32 quot = new Signed32();
        public final Signed32 rem = new Signed32();

        public DivT(Runtime runtime) {
            super(runtime);
        }
    }

    public static final class LDivT extends Struct {
        public final Signed64 quot = new Signed64();
        public final Signed64 rem = new Signed64();

        public LDivT(Runtime runtime) {
            super(runtime);
        }
    }

    public interface Libc {
        @ByValue
        DivT div(int numerator, int denominator);

        @ByValue
        LDivT ldiv(long numerator, long denominator);

        int abs(int v);

        @Variadic(fixedCount = 3)
        int snprintf(byte[] buffer, @size_t long size, String format, long a, double b, String c);

        @SaveError
        @Variadic(fixedCount = 2)
        int open(String path, int flags, int mode);

        /** No function of this name is declared. */
        @ByValue
        DivT undeclared(int a);
    }

    /** The same interface without {@code undeclared}. */
    public interface Declared {
        @ByValue
        DivT div(int numerator, int denominator);

        @ByValue
        LDivT ldiv(long numerator, long denominator);

        int abs(int v);

        @Variadic(fixedCount = 3)
        int snprintf(byte[] buffer, @size_t long size, String format, long a, double b, String c);

        @SaveError
        @Variadic(fixedCount = 2)
        int open(String path, int flags, int mode);

        /** A by-reference without @Out is a pointer to a copy of its value, which C writes. */
        @Variadic(fixedCount = 2)
        int sscanf(String text, String format, IntByReference value, LongLongByReference other);
    }

    private static final Map<String, NativeSignature> DECLARED = Map.of(
            "div", NativeSignature.parse("(int,int)div_t{quot:int,rem:int}"),
            "ldiv", NativeSignature.parse("(long,long)ldiv_t{quot:long,rem:long}"),
            "abs", NativeSignature.parse("(int)int"),
            "snprintf", NativeSignature.parse("(inout byte[],ulong,string,...,long,double,string)int"),
            "open", NativeSignature.parse("(string,int,...,int)int errno"),
            "sscanf", NativeSignature.parse("(string,string,...,pointer,pointer)int"));

    private final Unloader unloader = new Unloader(5_000, LifecycleEvents.logOnly(), folder -> { });
    private final List<String> bound = new ArrayList<>();
    private LibraryGeneration generation;

    @Before
    public void open() throws Exception {
        assumeTrue("glibc x86-64 only", Files.exists(LIBC));
        generation = new LibraryGeneration("c", Version.emptyVersion, 1, 1L, "test", LIBC.getParent(), List.of(LIBC),
                unloader.releases());
        NativeBackend jnr = new JnrBackend();
        generation.opened(jnr.name(), recording(jnr.open(LIBC, List.of())));
    }

    @After
    public void stop() {
        unloader.close();
    }

    @Test
    public void structsByValueAndVariadicsAreCalledThroughTheirDeclarationsAndJnrNeverSeesThem() throws Exception {
        generation.bind(Declared.class, DECLARED, LeafMethods.annotatedOnly());
        Declared libc = GuardFactory.of(Declared.class).guard(generation, generation.takeBinding(Declared.class), null);
        assertEquals("jnr-ffi binds only what it calls correctly", List.of("RoutedBindingTest$Declared$NativeBound [abs]"), bound);

        IntByReference scanned = new IntByReference(0);
        LongLongByReference other = new LongLongByReference(0L);
        assertEquals(2, libc.sscanf("-42 9000000000", "%d %lld", scanned, other));
        assertEquals(-42, (int) scanned.getValue());
        assertEquals(9_000_000_000L, (long) other.getValue());

        DivT d = libc.div(-17, 5);
        assertEquals(-17 / 5, d.quot.get());
        assertEquals(-17 % 5, d.rem.get());
        LDivT l = libc.ldiv(Long.MAX_VALUE, 7);
        assertEquals(Long.MAX_VALUE / 7, l.quot.get());
        assertEquals(Long.MAX_VALUE % 7, l.rem.get());
        assertEquals(5, libc.abs(-5));

        byte[] buffer = new byte[64];
        int n = libc.snprintf(buffer, buffer.length, "%ld %.2f %s", -42L, 2.5, "C");
        assertEquals("-42 2.50 C", new String(buffer, 0, n, StandardCharsets.US_ASCII));

        // errno of a routed call: recorded from its invoker, as the guard records a jnr-ffi method's
        assertEquals(-1, libc.open("/nonexistent/routed", 0, 0));
        assertEquals(OptionalInt.of(ENOENT), generation.lastErrno().get());
    }

    @Test
    public void aRoutedCallIsCountedUnderItsSymbolAndRefusedAfterTheUnloadWhichDrains() throws Exception {
        generation.bind(Declared.class, DECLARED, LeafMethods.annotatedOnly());
        GuardFactory<Declared> guards = GuardFactory.of(Declared.class);
        SymbolMetrics[] metrics = new SymbolMetrics[guards.methods().size()];
        SymbolMetrics div = new SymbolMetrics("c", "div", true);
        metrics[guards.methods().indexOf(Declared.class.getMethod("div", int.class, int.class))] = div;
        Declared libc = guards.guard(generation, generation.takeBinding(Declared.class), metrics);

        assertEquals(3, libc.div(17, 5).quot.get());
        assertEquals(-17 / 5, libc.div(-17, 5).quot.get());
        assertEquals(2, div.calls());

        assertTrue("the routed binding and its invokers are garbage once the guard let go",
                unloader.unload(generation, "test"));
        assertThrows(NativeLibraryUnloadedException.class, () -> libc.div(1, 1));
        assertThrows(NativeLibraryUnloadedException.class, () -> libc.abs(1));
        assertEquals("a refused call counts as a failed one", 1, div.errors());
    }

    @Test
    public void sixThreadsCallRoutedAndBoundMethodsAtOnce() throws Exception {
        generation.bind(Declared.class, DECLARED, LeafMethods.annotatedOnly());
        Declared libc = GuardFactory.of(Declared.class).guard(generation, generation.takeBinding(Declared.class), null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    byte[] buffer = new byte[32];
                    for (int i = 1; i < 2_000; i++) {
                        int a = i * (thread + 3) - 1_000;
                        DivT d = libc.div(a, thread + 2);
                        assertEquals(a / (thread + 2), d.quot.get());
                        assertEquals(a % (thread + 2), d.rem.get());
                        assertEquals(Math.abs(a), libc.abs(a));
                        int n = libc.snprintf(buffer, buffer.length, "%ld:%.1f:%s", (long) a, thread + 0.5, "x");
                        assertEquals(a + ":" + thread + ".5:x", new String(buffer, 0, n, StandardCharsets.US_ASCII));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aRoutedMethodWithoutADeclarationIsRefusedNamingIt() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> generation.bind(Libc.class, DECLARED, LeafMethods.annotatedOnly()));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertEquals("method " + Libc.class.getName() + ".undeclared(int) is called through its declaration in "
                + "NativeBundle-Symbols (it returns " + DivT.class.getName() + " by value (@ByValue)), and the header "
                + "declares no function 'undeclared'", refusal.getMessage());
    }

    @Test
    public void aDeclarationThatDoesNotFitTheMethodIsRefusedNamingBoth() {
        Map<String, NativeSignature> wrong = new java.util.HashMap<>(DECLARED);
        wrong.put("div", NativeSignature.parse("(int)div_t{quot:int,rem:int}"));
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> generation.bind(Declared.class, wrong, LeafMethods.annotatedOnly()));
        assertEquals("method " + Declared.class.getName() + ".div(int,int) is called through its declaration "
                + "(int)div_t{quot:int,rem:int} in NativeBundle-Symbols, which does not fit it: it declares 1 "
                + "parameters and the method has 2", refusal.getMessage());
    }

    @Test
    public void anInterfaceWithoutRoutedMethodsIsTheBackendsOwnBinding() throws Exception {
        generation.bind(Plain.class, DECLARED, LeafMethods.annotatedOnly());
        Plain plain = generation.takeBinding(Plain.class);
        assertEquals(List.of("Plain [abs]"), bound);
        assertEquals(3, plain.abs(-3));
        assertTrue(plain.getClass().getName(), !plain.getClass().getName().contains("$NativeRouted"));
    }

    public interface Plain {
        int abs(int v);
    }

    /** The backend's library, recording which interface it binds with which methods. */
    private BackendLibrary recording(BackendLibrary library) {
        return new BackendLibrary() {
            @Override
            public <T> T bind(Class<T> type) throws LoadRefusal {
                bound.add(type.getSimpleName() + " " + java.util.Arrays.stream(type.getMethods()).map(Method::getName)
                        .sorted().toList());
                return library.bind(type);
            }

            @Override
            public boolean exports(String symbol) {
                return library.exports(symbol);
            }

            @Override
            public FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal {
                return library.function(symbol, signature);
            }

            @Override
            public FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors errors)
                    throws LoadRefusal {
                return library.function(symbol, signature, errors);
            }

            @Override
            public VariableAccessor variable(String symbol, io.nativebundle.api.NativeType type) throws LoadRefusal {
                return library.variable(symbol, type);
            }

            @Override
            public OptionalInt savedErrno() {
                return library.savedErrno();
            }

            @Override
            public List<String> close() {
                return library.close();
            }
        };
    }
}
