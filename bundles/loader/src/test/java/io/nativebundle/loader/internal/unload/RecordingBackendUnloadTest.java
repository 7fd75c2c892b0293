package io.nativebundle.loader.internal.unload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntBinaryOperator;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.loader.internal.backend.RecordingBackend;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.call.Lease;
import io.nativebundle.loader.internal.call.NativeFunctionService;
import io.nativebundle.loader.internal.call.NativeVariableService;
import io.nativebundle.loader.internal.call.TestLibrary;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.testsupport.Await;

/**
 * The guards, leases and the unload above the seam, on the recording backend, so without native
 * code: calls pass, the cut refuses new ones, calls in flight finish, and the backend's library
 * is closed once, after the drain, with no call reaching it afterwards.
 */
public class RecordingBackendUnloadTest {

    /** The typed interface the fake library is bound to. */
    public interface Calls {
        int add(int a, int b);

        int block();
    }

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final RecordingBackend backend = new RecordingBackend()
            .function("add", a -> (Integer) a[0] + (Integer) a[1])
            .function("block", a -> {
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            })
            .variable("counter");
    private Unloader unloader;
    private LibraryGeneration generation;
    private Calls typed;
    private NativeFunction add;
    private NativeVariable counter;

    @Before
    public void openAGenerationOnTheRecordingBackend() throws Exception {
        unloader = new Unloader(5_000, LifecycleEvents.logOnly(), folder -> { });
        generation = new LibraryGeneration("calls", Version.emptyVersion, 3L, 1L, "test.calls", null, List.of(),
                unloader.releases());
        generation.opened(backend.name(), backend.open(Path.of("libcalls.so"), List.of()));
        generation.bind(Calls.class);
        typed = GuardFactory.of(Calls.class).guard(generation, generation.takeBinding(Calls.class), null);
        NativeLibrary description = TestLibrary.description(List.of());
        NativeFunctionService f = new NativeFunctionService("add", NativeSignature.parse("(int,int)int"), description,
                generation.function("add", NativeSignature.parse("(int,int)int")), Lease.of(generation),
                new SymbolMetrics("calls", "add", true));
        NativeVariableService v = new NativeVariableService("counter", NativeType.INT, description,
                generation.variable("counter", NativeType.INT), Lease.of(generation));
        generation.onCut(f::cut);
        generation.onCut(v::cut);
        add = f;
        counter = v;
    }

    @After
    public void stopTheUnloader() {
        gate.countDown();
        unloader.close();
    }

    @Test
    public void callsPassThenTheCutRefusesThemWithoutReachingTheBackend() {
        assertEquals(5, typed.add(2, 3));
        assertEquals(9, add.invoke(4, 5));
        counter.setInt(7);
        assertEquals(7, counter.getInt());

        assertTrue(unloader.unload(generation, "test"));

        assertThrows(NativeLibraryUnloadedException.class, () -> typed.add(1, 1));
        assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 1));
        assertThrows(NativeLibraryUnloadedException.class, counter::getInt);
        List<String> events = backend.events();
        assertEquals(List.of("open libcalls.so []", "bind Calls", "function add (int,int)int", "variable counter int",
                "call add [2, 3]", "return add", "call add [4, 5]", "return add", "set counter 7", "get counter",
                // the backend is told of the cut (upcall stubs refuse from then on) before it is closed
                "cut libcalls.so", "close libcalls.so"), events);
        assertEquals(0, backend.callsAfterClose());
    }

    @Test
    public void aCallInFlightFinishesAndTheLibraryClosesOnlyAfterIt() throws Exception {
        AtomicReference<Object> inFlight = new AtomicReference<>();
        Thread caller = new Thread(() -> inFlight.set(typed.block()), "in-flight");
        caller.start();
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        AtomicReference<Boolean> unloaded = new AtomicReference<>();
        Thread unloading = new Thread(() -> unloaded.set(unloader.unload(generation, "test")), "unloading");
        unloading.start();
        Await.until("the unload began", () -> generation.state() == LibraryGeneration.State.CLOSING);

        assertThrows("new calls are refused meanwhile", NativeLibraryUnloadedException.class, () -> typed.add(1, 2));
        assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 2));
        assertFalse("not closed while a call is in flight", backend.events().contains("close libcalls.so"));
        assertNull(unloaded.get());

        gate.countDown();
        caller.join(5_000);
        unloading.join(10_000);

        assertEquals("the call in flight finished normally", 42, inFlight.get());
        assertEquals(Boolean.TRUE, unloaded.get());
        List<String> events = backend.events();
        assertTrue(events.toString(), events.indexOf("return block") < events.indexOf("close libcalls.so"));
        assertEquals(1, events.stream().filter(e -> e.startsWith("close")).count());
        assertEquals(0, backend.callsAfterClose());
    }

    @Test
    public void concurrentCallersGetTheRightValueOrUnloadedAndNothingReachesTheClosedLibrary() throws Exception {
        int threads = 8;
        IntBinaryOperator viaFunction = (a, b) -> (Integer) add.invoke(a, b);
        ConcurrentAdds callers = new ConcurrentAdds(threads, t -> t % 2 == 0 ? viaFunction : typed::add);
        assertTrue(callers.awaitCalling());

        assertTrue(unloader.unload(generation, "test"));

        callers.join();
        assertNull(callers.other.get());
        assertEquals("every caller ends with exactly one refused call", threads, callers.unloaded.get());
        assertEquals(callers.attempts.get(), callers.successes.get() + callers.unloaded.get());
        assertEquals(1, backend.events().stream().filter(e -> e.startsWith("close")).count());
        assertEquals(0, backend.callsAfterClose());
    }
}
