package io.nativebundle.loader.internal.backend.host;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import io.nativebundle.api.NativeCallTimeoutException;
import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.testsupport.Await;

/** The out-of-process backend against the real nativebundle-host and a real C library. */
public class HostLibraryTest {

    private final HostFixture fixture;

    public HostLibraryTest() throws Exception {
        fixture = new HostFixture(3);
    }

    @After
    public void close() {
        fixture.close();
    }

    private static FunctionInvoker f(BackendLibrary library, String symbol, String signature) throws LoadRefusal {
        return library.function(symbol, NativeSignature.parse(signature));
    }

    @Test
    public void everyTypeOfTheVocabularyCrossesTheProcessBoundary() throws Exception {
        BackendLibrary library = fixture.open();
        assertEquals(5, f(library, "add", "(int,int)int").invoke(new Object[] {2, 3}));
        assertEquals(5, f(library, "add", "(int,int)int").intIntToInt(2, 3));
        assertEquals(1L << 40, f(library, "add_long", "(long,long)long").longLongToLong(1L << 39, 1L << 39));
        assertEquals((byte) -7, f(library, "negate_byte", "(byte)byte").invoke(new Object[] {(byte) 7}));
        assertEquals((short) -2000, f(library, "twice_short", "(short)short").invoke(new Object[] {(short) -1000}));
        assertEquals(1.25f, f(library, "half_float", "(float)float").invoke(new Object[] {2.5f}));
        assertEquals(10.75, f(library, "mix", "(int,double,float,long)double").invoke(new Object[] {1, 2.25, 0.5f, 7L}));
        assertEquals(true, f(library, "is_positive", "(boolean)boolean").invoke(new Object[] {true}));
        assertEquals(false, f(library, "is_positive", "(int)boolean").invoke(new Object[] {-3}));
        FunctionInvoker length = f(library, "length", "(string)int");
        assertEquals(6, length.stringToInt("héllo"));
        assertEquals(-1, length.invoke(new Object[] {null}));
        FunctionInvoker greet = f(library, "greet", "(string)string");
        assertEquals("Hello, osgi!", greet.stringToString("osgi"));
        assertNull(greet.invoke(new Object[] {null}));
        assertTrue(library.exports("greet"));
        assertFalse(library.exports("nosuch"));
    }

    @Test
    public void aSignatureTheWireCannotCarryIsRefusedWhenBoundNamingSymbolAndType() throws Exception {
        BackendLibrary library = fixture.open();
        for (String[] c : new String[][] {
                {"(int,int)div_t{quot:int,rem:int}", "div_t"},
                {"(double x,out int exp)double", "out int exp"},
                {"(uint)int", "uint"},
                {"(string,pointer,int)long errno", "errno"},
                {"(int[] v)int", "int[] v"},
                {"(ubyte[] v)int", "ubyte[] v"},
                {"(boolean[] v)int", "boolean[] v"},
                {"(out p{a:int,b:byte}[] v)int", "out p{a:int,b:byte}[] v"},
                {"(string fmt,...,int)int", "..."}}) {
            LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> f(library, "add", c[0]));
            assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
            assertEquals("function 'add' of library '" + refusal.getMessage().split("'")[3] + "' is declared "
                    + NativeSignature.parse(c[0]) + "; a library that runs out of process (isolation=process) cannot"
                    + " carry '" + c[1] + "': expected only void, byte, short, int, long, float, double, boolean,"
                    + " pointer, string, buffer by value, without errno", refusal.getMessage());
        }
        // the library stays usable
        assertEquals(5, f(library, "add", "(int,int)int").invoke(new Object[] {2, 3}));
    }

    @Test
    public void aBufferIsCopiedInAndBackOut() throws Exception {
        FunctionInvoker fill = f(fixture.open(), "fill", "(buffer,int,int)int");
        byte[] bytes = {1, 2, 3, 4};
        assertEquals(6, fill.invoke(new Object[] {bytes, 3, 9}));
        assertArrayEquals(new byte[] {9, 9, 9, 4}, bytes);
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        direct.put(0, (byte) 5).position(0);
        assertEquals(5, fill.invoke(new Object[] {direct, 2, 1}));
        assertEquals(1, direct.get(0));
        assertEquals(1, direct.get(1));
        assertEquals(0, fill.invoke(new Object[] {null, 0, 0}));
    }

    @Test
    public void aPointerIsAHandleThatGoesBackToTheHostThatReturnedItOnly() throws Exception {
        BackendLibrary library = fixture.open();
        long box = (Long) f(library, "box_new", "(int)pointer").invoke(new Object[] {41});
        FunctionInvoker value = f(library, "box_value", "(pointer)int");
        assertEquals(41, value.invoke(new Object[] {box}));
        assertThrows(NativeHostCrashedException.class, () -> f(library, "segv", "()int").toInt());
        Await.until("the host restarted", Duration.ofSeconds(10), () -> fixture.events.count("restarted") == 1);
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
                () -> value.invoke(new Object[] {box}));
        assertTrue(stale.getMessage(), stale.getMessage().contains("was returned by an earlier host process"));
    }

    @Test
    public void variablesAreReadAndWrittenInTheHost() throws Exception {
        BackendLibrary library = fixture.open();
        VariableAccessor counter = library.variable("counter", NativeType.INT);
        assertEquals(7, counter.getLong());
        counter.setLong(41);
        assertEquals(41, f(library, "counter_value", "()int").toInt());
        VariableAccessor ratio = library.variable("ratio", NativeType.DOUBLE);
        assertEquals(0.5, ratio.getDouble(), 0.0);
        ratio.setDouble(2.5);
        assertEquals(2.5, ratio.getDouble(), 0.0);
    }

    @Test
    public void aSegfaultEndsTheHostNotTheJvmAndTheNextCallRunsInANewHost() throws Exception {
        BackendLibrary library = fixture.open();
        FunctionInvoker add = f(library, "add", "(int,int)int");
        long pid = library.hostStatus().orElseThrow().get().pid().getAsLong();
        NativeHostCrashedException e = assertThrows(NativeHostCrashedException.class,
                () -> f(library, "segv", "()int").toInt());
        assertEquals("hostcalls", e.library());
        assertEquals("segv", e.symbol());
        assertEquals(pid, e.pid());
        assertEquals(Optional.of("SIGSEGV"), e.signal());
        assertEquals(OptionalInt.empty(), e.exitStatus());
        assertTrue(e.getMessage(), e.getMessage().contains("SIGSEGV (address 0x0) during the call of segv"));
        assertEquals(5, add.intIntToInt(2, 3));
        NativeHostStatus status = library.hostStatus().orElseThrow().get();
        assertEquals(NativeHostStatus.State.RUNNING, status.state());
        assertNotEquals(pid, status.pid().getAsLong());
        assertEquals(1, status.restarts());
        assertEquals(1, status.crashes());
        assertEquals(Optional.of("SIGSEGV"), status.lastSignal());
        assertFalse("the crashed host is gone", ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    public void aCallThatOverrunsItsTimeoutEndsTheHost() throws Exception {
        BackendLibrary library = fixture.open(HostFixture.placement(Optional.of(Duration.ofSeconds(30)),
                Map.of("spin", Duration.ofMillis(200))));
        long pid = library.hostStatus().orElseThrow().get().pid().getAsLong();
        NativeCallTimeoutException e = assertThrows(NativeCallTimeoutException.class,
                () -> f(library, "spin", "()void").toVoid());
        assertEquals("spin", e.symbol());
        assertEquals(Duration.ofMillis(200), e.timeout());
        assertEquals(pid, e.pid());
        assertEquals(5, f(library, "add", "(int,int)int").intIntToInt(2, 3));
        assertEquals(1, library.hostStatus().orElseThrow().get().timeouts());
        Crash crash = fixture.events.crashes.get(0);
        assertEquals(Optional.of("SIGKILL"), crash.signalName());
        assertTrue(crash.describe(), crash.describe().contains("the call of spin overran its timeout of 200ms"));
    }

    @Test
    public void afterTheCrashLimitTheHostStaysDownAndTheLoaderIsTold() throws Exception {
        BackendLibrary library = fixture.open();
        FunctionInvoker segv = f(library, "segv", "()int");
        FunctionInvoker add = f(library, "add", "(int,int)int");
        for (int i = 0; i < 3; i++) {
            assertThrows(NativeHostCrashedException.class, segv::toInt);
        }
        Await.until("the host is down and the loader is told", Duration.ofSeconds(10),
                () -> library.hostStatus().orElseThrow().get().state() == NativeHostStatus.State.DOWN
                        && fixture.events.count("gaveUp") == 1);
        assertEquals(3, fixture.events.count("crashed"));
        assertEquals(2, fixture.events.count("restarted"));
        NativeHostCrashedException e = assertThrows(NativeHostCrashedException.class, () -> add.intIntToInt(2, 3));
        assertTrue(e.getMessage(), e.getMessage().contains("crashed too often"));
    }

    @Test
    public void manyCallersRunInParallelThroughTheSlots() throws Exception {
        FunctionInvoker add = f(fixture.open(), "add", "(int,int)int");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> sums = new java.util.ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int base = t * 1000;
                sums.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 2000; i++) {
                        wrong += add.intIntToInt(base, i) == base + i ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> sum : sums) {
                assertEquals(Integer.valueOf(0), sum.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aMissingSymbolIsRefusedAtBind() throws Exception {
        LoadRefusal e = assertThrows(LoadRefusal.class, () -> f(fixture.open(), "nosuch", "()int"));
        assertEquals(RefusalReason.LOAD_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("nosuch is not exported by the library"));
    }

    @Test
    public void closeEndsTheHostProcessAndAnAlteredProgramIsNotRun() throws Exception {
        BackendLibrary library = fixture.open();
        long pid = library.hostStatus().orElseThrow().get().pid().getAsLong();
        assertTrue(library.close().isEmpty());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(NativeHostStatus.State.STOPPED, library.hostStatus().orElseThrow().get().state());

        Path program = fixture.runtime.program().executable();
        Files.write(program, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        LoadRefusal altered = assertThrows(LoadRefusal.class, fixture::open);
        assertEquals(RefusalReason.DIGEST_MISMATCH, altered.reason());
        assertTrue(altered.getMessage(), altered.getMessage().contains("it was altered in the cache"));
    }
}
