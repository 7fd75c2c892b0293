package io.nativebundle.loader.internal.unload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.testsupport.Await;
import jnr.ffi.LibraryLoader;

/**
 * Real unloads outside OSGi: a C library ({@code src/test/c/lifecycle}, built by the pom) is
 * opened with the jnr backend, called through a guard, unloaded, and checked in
 * {@code /proc/self/maps}.
 */
public class UnloaderTest {

    /** The functions of {@code lifecycle.c}. */
    public interface Lifecycle {
        int add(int a, int b);

        int hold(int millis);

        int holding();
    }

    /** Two functions of the C library of the process. */
    public interface LibC {
        int getpid();

        long strlen(String s);
    }

    private static final Path LIBRARY = Path.of(System.getProperty("nativebundle.test.liblifecycle",
            "target/test-natives/liblifecycle.so")).toAbsolutePath();
    private static final long TIMEOUT_MS = 300;
    private static final JnrBackend BACKEND = new JnrBackend();

    private Unloader unloader;
    private Path folder;
    private Path file;

    @Before
    public void copyTheLibraryIntoANewFolder() throws IOException {
        assertTrue(LIBRARY + " is missing; build it with mvn (cc-test-lifecycle)", Files.isRegularFile(LIBRARY));
        unloader = new Unloader(TIMEOUT_MS, LifecycleEvents.logOnly(), UnloaderTest::deleteTree);
        folder = Files.createDirectories(LIBRARY.getParent().resolve("generations").resolve(UUID.randomUUID().toString()))
                .toRealPath();
        file = Files.copy(LIBRARY, folder.resolve("liblifecycle.so"));
    }

    @After
    public void stopTheUnloader() {
        unloader.close();
        deleteTree(folder);
    }

    @Test
    public void unloadDlclosesTheLibraryAndDeletesItsFolder() throws Exception {
        LibraryGeneration generation = generation();
        Lifecycle lifecycle = openAndGuard(generation);
        assertEquals(5, lifecycle.add(2, 3));
        assertEquals(List.of(file.toString()), List.copyOf(MappedFiles.under(folder)));

        assertTrue("closed within the timeout", unloader.unload(generation, "test"));

        assertEquals(LibraryGeneration.State.CLOSED, generation.state());
        assertEquals("dlclose unmapped it", List.of(), List.copyOf(MappedFiles.under(folder)));
        assertFalse("its folder is deleted", Files.exists(folder));
        NativeLibraryUnloadedException e = assertThrows(NativeLibraryUnloadedException.class, () -> lifecycle.add(1, 1));
        assertEquals(generation.generation(), e.generation());
        assertEquals(0, unloader.timeouts());
    }

    @Test
    public void aCallInFlightPastTheTimeoutLingersAndIsClosedOnceItReturns() throws Exception {
        LibraryGeneration generation = generation();
        Lifecycle lifecycle = openAndGuard(generation);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                // a native call that outlasts the unload timeout: the time in C is what is tested
                result.set(lifecycle.hold(1_500));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "in-flight");
        caller.start();
        Await.until("the call is in flight in the library", Duration.ofSeconds(5), () -> lifecycle.holding() == 1);

        assertFalse("the call in flight outlives the timeout", unloader.unload(generation, "test"));

        assertEquals(LibraryGeneration.State.LINGERING, generation.state());
        assertEquals(1, unloader.timeouts());
        assertEquals(List.of(generation), unloader.lingering());
        assertEquals("still mapped while the call runs", 1, MappedFiles.under(folder).size());
        assertThrows("new calls are refused meanwhile", NativeLibraryUnloadedException.class, lifecycle::holding);

        caller.join(10_000);
        assertEquals("the call in flight finished against mapped code", 42, result.get());
        // the reaper marks the generation CLOSED before it unmaps and deletes; leaving the
        // lingering set is its last step, so that is what to wait for
        Await.until("the reaper closed the lingering generation", () -> unloader.lingering().isEmpty());
        assertEquals("the reaper closed it", LibraryGeneration.State.CLOSED, generation.state());
        assertEquals(List.of(), List.copyOf(MappedFiles.under(folder)));
        assertFalse(Files.exists(folder));
        assertEquals(List.of(), unloader.lingering());
    }

    @Test
    public void aRefusedLoadReleasesItsBindingEvenBeforeItWasGuarded() throws Exception {
        LibraryGeneration generation = generation();
        generation.opened(JnrBackend.NAME, BACKEND.open(file, List.of()));
        generation.bind(Lifecycle.class);
        assertEquals(1, MappedFiles.under(folder).size());

        assertTrue(unloader.discard(generation, "load refused"));

        assertEquals(List.of(), List.copyOf(MappedFiles.under(folder)));
        assertFalse(Files.exists(folder));
        assertThrows(IllegalStateException.class, () -> generation.takeBinding(Lifecycle.class));
    }

    @Test
    public void aGenerationThatOpenedNothingClosesAtOnce() {
        LibraryGeneration generation = generation();
        assertTrue(generation.released());
        assertTrue(unloader.unload(generation, "test"));
        assertEquals(LibraryGeneration.State.CLOSED, generation.state());
        assertFalse(Files.exists(folder));
    }

    @Test
    public void aGuardAroundLibcCallsTheRealFunctions() {
        LibraryGeneration generation = new LibraryGeneration("c", Version.emptyVersion, 1L, 0L, "libc", null, List.of(),
                unloader.releases());
        LibC libc = GuardFactory.of(LibC.class).guard(generation,
                LibraryLoader.create(LibC.class).load(LibraryLoader.DEFAULT_LIBRARY), null);
        assertEquals(ProcessHandle.current().pid(), libc.getpid());
        assertEquals("Grüße".getBytes(StandardCharsets.UTF_8).length, libc.strlen("Grüße"));
    }

    private LibraryGeneration generation() {
        return new LibraryGeneration("lifecycle", new Version(1, 0, 0), 9L, 4L, "test.lifecycle", folder, List.of(file),
                unloader.releases());
    }

    /** Opens the generation's file with the jnr backend and guards its typed binding, as the loader does. */
    private Lifecycle openAndGuard(LibraryGeneration generation) throws LoadRefusal {
        generation.opened(JnrBackend.NAME, BACKEND.open(file, List.of()));
        generation.bind(Lifecycle.class);
        return GuardFactory.of(Lifecycle.class).guard(generation, generation.takeBinding(Lifecycle.class), null);
    }

    private static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
