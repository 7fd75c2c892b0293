package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.unload.MappedFiles;

/** The FFM backend on a real copy of the loader's test library, {@code sym.c}. */
public class FfmLibraryTest {

    /** The part of {@code sym.c} of primitives only: FFM binds it itself. */
    public interface Sym {
        int add(int a, int b);

        @NativeLeaf
        long add_long(long a, long b);

        boolean is_positive(int a);

        double mix(double a, float b);

        void bump();

        int counter_value();

        default int twice(int a) {
            return add(a, a);
        }
    }

    /** Strings in and out: FFM binds them itself, on the thread's scratch. */
    public interface Strings {
        int length(String text);

        String greet(String name);

        @NativeLeaf
        int add(int a, int b);
    }

    /** A CharSequence parameter: the jnr library of the generation binds it. */
    public interface Sequences {
        int length(CharSequence text);
    }

    /** Both: FFM calls add itself, length through the jnr binding. */
    public interface Mixed {
        @NativeLeaf
        int add(int a, int b);

        int length(CharSequence text);
    }

    /** A string through jnr's binding (an annotation FFM does not read on its result), next to one of FFM's. */
    public interface JnrStrings {
        @jnr.ffi.types.int8_t
        int length(String text);

        String greet(String name);
    }

    /** What a callback parameter looks like in a typed interface: an interface. */
    public interface Callback {
        int call(int value);
    }

    /** A leaf that would call back: refused. */
    public interface MisusedLeaf {
        @NativeLeaf
        int add(Callback callback, int b);
    }

    /** A method whose symbol the library does not export. */
    public interface Missing {
        int no_such_symbol(int a);
    }

    private static final int ENOENT = 2;
    private static final int EBADF = 9;

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private final FfmBackend backend = new FfmBackend(new JnrBackend());
    private Path folder;
    private BackendLibrary library;

    @Before
    public void open() throws Exception {
        // a copy of its own, as every generation has: its mapping shows whether close unmapped it
        folder = temporary.newFolder("generation").toPath();
        Path copy = Files.copy(LIBSYM, folder.resolve("libsym.so"), StandardCopyOption.REPLACE_EXISTING);
        library = backend.open(copy, List.of());
    }

    @After
    public void close() {
        if (library != null) {
            library.close();
        }
    }

    @Test
    public void theBackendIsNamedFfm() {
        assertEquals("ffm", backend.name());
        assertEquals("in-process", backend.isolation());
    }

    @Test
    public void exportsSaysWhichSymbolsTheLibraryHas() {
        assertTrue(library.exports("add"));
        assertFalse(library.exports("no_such_symbol"));
    }

    @Test
    public void typedPathsCallWithPrimitives() throws Exception {
        assertEquals(5, function("add", "(int,int)int").intIntToInt(2, 3));
        assertEquals(-4, function("negate", "(int)int").intToInt(4));
        assertEquals(42, function("answer", "()int").toInt());
        assertEquals(7_000_000_001L, function("add_long", "(long,long)long").longLongToLong(7_000_000_000L, 1L));
        assertEquals("UTF-8 bytes", 6, function("length", "(string)int").stringToInt("héllo"));
        assertEquals(-1, function("length", "(string)int").stringToInt(null));
        assertEquals("Hello, Anna!", function("greet", "(string)string").stringToString("Anna"));
    }

    @Test
    public void invokeConvertsEveryBasicType() throws Exception {
        assertEquals(5, function("add", "(int,int)int").invoke(new Object[] {2, 3}));
        assertEquals(3.0, (Double) function("mix", "(double,float)double").invoke(new Object[] {2.0, 1.5f}), 0.0);
        assertEquals(1.25f, (Float) function("half", "(float)float").invoke(new Object[] {2.5f}), 0.0f);
        assertEquals((byte) -7, function("echo_byte", "(byte)byte").invoke(new Object[] {(byte) -7}));
        assertEquals((short) 300, function("echo_short", "(short)short").invoke(new Object[] {(short) 300}));
        assertEquals(true, function("is_positive", "(int)boolean").invoke(new Object[] {3}));
        assertEquals(false, function("is_positive", "(int)boolean").invoke(new Object[] {-3}));
        assertEquals(1234L, function("pointer_value", "(pointer)long").invoke(new Object[] {1234L}));
        assertEquals("here", function("maybe", "(int)string").invoke(new Object[] {1}));
        assertNull(function("maybe", "(int)string").invoke(new Object[] {0}));
        assertNull(function("bump", "()void").invoke(new Object[0]));
        double everything = (Double) function("everything",
                "(byte,short,int,long,float,double,boolean,pointer,string)double")
                .invoke(new Object[] {(byte) 1, (short) 2, 3, 4L, 0.5f, 0.25, true, 8L, "abc"});
        assertEquals(1 + 2 + 3 + 4 + 0.5 + 0.25 + 1_000_000 + 0.25 + 3, everything, 0.0);
    }

    @Test
    public void aByteArrayIsCopiedInAndBackOutADirectBufferPassedFromItsPosition() throws Exception {
        FunctionInvoker sum = function("sum_bytes", "(buffer,int)int");
        byte[] bytes = {10, 20, 30};
        assertEquals(60, sum.invoke(new Object[] {bytes, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, bytes);
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {9, 5, 6, 7});
        direct.position(1);
        assertEquals(18, sum.invoke(new Object[] {direct, 3}));
        assertEquals(9, direct.get(0));
        assertEquals(1, direct.get(1));
        assertEquals(3, direct.get(3));
    }

    @Test
    public void variablesAreReadAndWrittenAsWideAsTheirType() throws Exception {
        VariableAccessor counter = library.variable("counter", NativeType.INT);
        assertEquals(7, counter.getLong());
        function("bump", "()void").toVoid();
        assertEquals(8, counter.getLong());
        counter.setLong(41);
        assertEquals(41, function("counter_value", "()int").toInt());
        assertEquals(-5, library.variable("big", NativeType.LONG).getLong());
        assertEquals(-3, library.variable("small", NativeType.BYTE).getLong());
        assertEquals(1000, library.variable("middle", NativeType.SHORT).getLong());
        assertEquals(0.5, library.variable("ratio", NativeType.DOUBLE).getDouble(), 0.0);
        VariableAccessor scale = library.variable("scale", NativeType.FLOAT);
        assertEquals(1.5, scale.getDouble(), 0.0);
        scale.setDouble(2.25);
        assertEquals(2.25, scale.getDouble(), 0.0);
        VariableAccessor where = library.variable("where", NativeType.POINTER);
        long counterAddress = (Long) function("counter_address", "()pointer").invoke(new Object[0]);
        where.setLong(counterAddress);
        assertEquals(counterAddress, where.getLong());
    }

    @Test
    public void anInterfaceOfPrimitivesIsBoundByAGeneratedClassOfDowncallHandles() throws Exception {
        Sym sym = library.bind(Sym.class);
        assertTrue(sym.getClass().getName(), sym.getClass().getName().startsWith("io.nativebundle.ffm.binding.Sym$"));
        assertEquals(9, sym.add(4, 5));
        assertEquals("a leaf, through a critical downcall", 7_000_000_001L, sym.add_long(7_000_000_000L, 1L));
        assertTrue(sym.is_positive(3));
        assertFalse(sym.is_positive(-3));
        assertEquals(3.0, sym.mix(2.0, 1.5f), 0.0);
        int before = sym.counter_value();
        sym.bump();
        assertEquals(before + 1, sym.counter_value());
        assertEquals("default methods call the bound ones", 8, sym.twice(4));
    }

    @Test
    public void inAMixedInterfaceTheMethodsOfPrimitivesAreFfmsAndTheOthersJnrs() throws Exception {
        Mixed mixed = library.bind(Mixed.class);
        assertTrue(mixed.getClass().getName(), mixed.getClass().getName().startsWith("io.nativebundle.ffm.binding.Mixed$"));
        assertEquals(5, mixed.add(2, 3));
        assertEquals(4, mixed.length("Anna"));
    }

    @Test
    public void aStringMethodJnrCallsIsForwardedWithItsOwnTypes() throws Exception {
        JnrStrings strings = library.bind(JnrStrings.class);
        assertEquals("jnr's binding, the string as jnr-ffi passes it", 4, strings.length("Anna"));
        assertEquals("Hello, Anna!", strings.greet("Anna"));
    }

    @Test
    public void aLeafWithACallbackParameterIsRefusedNamingTheMethod() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> library.bind(MisusedLeaf.class));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertEquals(MisusedLeaf.class.getName() + ".add is declared @NativeLeaf and takes the callback "
                + Callback.class.getName() + ": a leaf never calls back into Java; remove @NativeLeaf or the callback",
                refusal.getMessage());
    }

    @Test
    public void aMethodWithoutItsSymbolIsRefusedNamingTheInterfaceAndTheSymbol() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> library.bind(Missing.class));
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("interface " + Missing.class.getName()
                + ": method no_such_symbol expects the symbol 'no_such_symbol' in "));
    }

    @Test
    public void typedMethodsFfmDoesNotBindGoToJnrForTheSameGenerationAndEveryFunctionIsFfms() throws Exception {
        // uint is not a basic type, and FFM calls it itself (FfmAbiFunction); no jnr library is opened for it
        FunctionInvoker unsigned = function("add", "(int,int)uint");
        assertTrue(unsigned instanceof FfmAbiFunction);
        assertEquals(5L, unsigned.invoke(new Object[] {2, 3}));
        // a typed method of a CharSequence goes to the jnr library of the same files, sharing the globals
        Sequences sequences = library.bind(Sequences.class);
        assertFalse(sequences.getClass().getName().startsWith("io.nativebundle.ffm."));
        assertEquals(3, sequences.length("abc"));
        library.variable("counter", NativeType.INT).setLong(100);
        assertEquals("one copy of the library, opened twice", 101, counterAfterBump());
    }

    private long counterAfterBump() throws Exception {
        function("bump", "()void").toVoid();
        return (Long) function("counter_value", "()uint").invoke(new Object[0]);
    }

    @Test
    public void closeUnmapsTheGenerationAndItsVariablesCanNoLongerBeReached() throws Exception {
        VariableAccessor counter = library.variable("counter", NativeType.INT);
        library.bind(Sym.class);
        library.bind(Sequences.class);
        assertFalse(List.copyOf(MappedFiles.under(folder)).isEmpty());
        assertEquals(List.of(), library.close());
        library = null;
        assertEquals("both handles, FFM's and jnr's, are closed", List.of(), List.copyOf(MappedFiles.under(folder)));
        assertThrows(IllegalStateException.class, counter::getLong);
    }

    @Test
    public void aFileThatCannotBeOpenedIsRefusedNamingItAndWhy() throws Exception {
        Path notALibrary = Files.writeString(folder.resolve("libbroken.so"), "not an ELF file");
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> backend.open(notALibrary, List.of()));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("FFM could not open " + notALibrary + ": "));
        Path missingDependency = folder.resolve("libmissing.so");
        refusal = assertThrows(LoadRefusal.class, () -> backend.open(folder.resolve("libsym.so"), List.of(missingDependency)));
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith(
                "FFM could not open " + missingDependency + " (needed by libsym.so): "));
    }

    @Test
    public void aSymbolThatIsNotExportedIsRefusedNamingIt() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class,
                () -> library.function("no_such_symbol", NativeSignature.parse("()int")));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("'no_such_symbol'"));
    }

    @Test
    public void functionsAreCalledFromManyThreadsAtOnce() throws Exception {
        Sym sym = library.bind(Sym.class);
        FunctionInvoker add = function("add", "(int,int)int");
        FunctionInvoker greet = function("greet", "(string)string");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 100_000;
                Callable<Boolean> calls = () -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (add.intIntToInt(base, i) != base + i || sym.add_long(base, i) != base + i
                                || !("Hello, " + i + "!").equals(greet.stringToString(Integer.toString(i)))
                                || !Integer.valueOf(base - i).equals(add.invoke(new Object[] {base, -i}))) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(calls));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void errnoIsSavedByTheDowncallItselfWithTheCLibrarysText() throws Exception {
        // libc's, found through libsym.so's dependencies
        FunctionInvoker close = function("close", "(int)int errno");
        assertTrue(close.getClass().getName(), close instanceof FfmErrnoFunction);
        NativeCallResult failed = close.call(new Object[] {-1});
        assertEquals(-1, failed.value());
        assertEquals(OptionalInt.of(EBADF), failed.errno());
        assertEquals(Optional.of("Bad file descriptor"), failed.errnoMessage());
        assertEquals("invoke gives the value only", -1, close.invoke(new Object[] {-1}));
        NativeCallResult chdir = function("chdir", "(string)int errno").call(new Object[] {"/no/such/folder"});
        assertEquals(OptionalInt.of(ENOENT), chdir.errno());
    }

    @Test
    public void eachThreadReadsTheErrnoOfItsOwnCall() throws Exception {
        FunctionInvoker close = function("close", "(int)int errno");
        FunctionInvoker chdir = function("chdir", "(string)int errno");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean closing = t % 2 == 0;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        NativeCallResult r = closing ? close.call(new Object[] {-1})
                                : chdir.call(new Object[] {"/no/such/folder/" + i});
                        if (r.errno().getAsInt() != (closing ? EBADF : ENOENT)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aFunctionDeclaredALeafIsACriticalDowncall() throws Exception {
        FunctionInvoker leaf = library.function("add", NativeSignature.parse("(int,int)int"), new UpcallErrors(), true);
        assertTrue(((FfmFunction) leaf).critical());
        assertEquals(5, leaf.intIntToInt(2, 3));
        assertEquals(7, leaf.invoke(new Object[] {3, 4}));
        assertFalse(((FfmFunction) function("add", "(int,int)int")).critical());
    }

    @Test
    public void aTypedInterfaceOfStringsIsBoundByFfmItself() throws Exception {
        Strings strings = library.bind(Strings.class);
        assertTrue(strings.getClass().getName(), strings.getClass().getName().startsWith("io.nativebundle.ffm."));
        assertEquals(3, strings.length("abc"));
        assertEquals("UTF-8 bytes", 6, strings.length("héllo"));
        assertEquals(0, strings.length(""));
        assertEquals(-1, strings.length(null));
        String large = "x".repeat(3 * FfmScratch.LIMIT);
        assertEquals("larger than the scratch: memory of its own", large.length(), strings.length(large));
        assertEquals("Hello, Änna!", strings.greet("Änna"));
        assertNull("the null pointer back", function("maybe", "(int)string").invoke(new Object[] {0}));
        assertEquals(5, strings.add(2, 3));
        assertEquals("every string of the calls freed", 0L, FfmScratch.current().mark());
    }

    @Test
    public void stringsOfInvokeAndTheTypedAdaptersAreFreedWhenTheCallReturns() throws Exception {
        FunctionInvoker length = function("length", "(string)int");
        assertEquals(4, length.invoke(new Object[] {"four"}));
        assertEquals(-1, length.invoke(new Object[] {null}));
        assertEquals(2, length.stringToInt("éa".substring(0, 1)));
        assertEquals(6.0, (Double) function("everything",
                "(byte,short,int,long,float,double,boolean,pointer,string)double")
                .invoke(new Object[] {(byte) 0, (short) 0, 0, 0L, 0f, 0d, false, 0L, "héllo"}), 0.0);
        assertEquals(0L, FfmScratch.current().mark());
    }

    @Test
    public void typedStringCallsFromManyThreadsEachUseTheirOwnScratch() throws Exception {
        Strings strings = library.bind(Strings.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String suffix = "ü".repeat(t * 40);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String name = i + suffix;
                        if (strings.length(name) != name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                                || !("Hello, " + i + "!").equals(strings.greet(Integer.toString(i)))) {
                            return false;
                        }
                    }
                    return FfmScratch.current().mark() == 0L;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private FunctionInvoker function(String symbol, String signature) throws LoadRefusal {
        return library.function(symbol, NativeSignature.parse(signature));
    }
}
