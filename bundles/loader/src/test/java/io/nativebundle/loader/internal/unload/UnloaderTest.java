package io.nativebundle.loader.internal.unload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.nativebundle.loader.internal.backend.jnr.JffiHandles;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;

/**
 * Real unloads outside OSGi: a C library ({@code src/test/c/lifecycle}, built by the pom) is
 * opened with jnr-ffi, called through a guard, unloaded, and checked in {@code /proc/self/maps}.
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
        Lifecycle binding = bind(file);
        Lifecycle lifecycle = generation.guard(Lifecycle.class, binding, null);
        assertEquals("jffi's own dlclose is disarmed", 1, disposedFlag(binding));
        binding = null;
        assertEquals(5, lifecycle.add(2, 3));
        assertEquals(List.of(new JffiHandles.Opened(file.toString(), generation.opened().get(0).handle())),
                generation.opened());
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
        generation.open(bind(file));
        Lifecycle lifecycle = generation.guard(Lifecycle.class, null);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                result.set(lifecycle.hold(1_500));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "in-flight");
        caller.start();
        long deadline = System.currentTimeMillis() + 5_000;
        while (lifecycle.holding() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, lifecycle.holding());

        assertFalse("the call in flight outlives the timeout", unloader.unload(generation, "test"));

        assertEquals(LibraryGeneration.State.LINGERING, generation.state());
        assertEquals(1, unloader.timeouts());
        assertEquals(List.of(generation), unloader.lingering());
        assertEquals("still mapped while the call runs", 1, MappedFiles.under(folder).size());
        assertThrows("new calls are refused meanwhile", NativeLibraryUnloadedException.class, lifecycle::holding);

        caller.join(10_000);
        assertEquals("the call in flight finished against mapped code", 42, result.get());
        deadline = System.currentTimeMillis() + 20_000;
        // the reaper marks the generation CLOSED before it unmaps and deletes; leaving the
        // lingering set is its last step, so that is what to wait for
        while (!unloader.lingering().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("the reaper closed it", LibraryGeneration.State.CLOSED, generation.state());
        assertEquals(List.of(), List.copyOf(MappedFiles.under(folder)));
        assertFalse(Files.exists(folder));
        assertEquals(List.of(), unloader.lingering());
    }

    @Test
    public void aRefusedLoadReleasesItsBindingEvenBeforeItWasGuarded() throws Exception {
        LibraryGeneration generation = generation();
        generation.open(bind(file));
        assertEquals(1, MappedFiles.under(folder).size());

        assertTrue(unloader.discard(generation, "load refused"));

        assertEquals(List.of(), List.copyOf(MappedFiles.under(folder)));
        assertFalse(Files.exists(folder));
        assertThrows(IllegalStateException.class, () -> generation.guard(Lifecycle.class, null));
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
        LibraryGeneration generation = new LibraryGeneration("c", Version.emptyVersion, 1L, 0L, "libc", null, List.of());
        LibC libc = generation.guard(LibC.class, LibraryLoader.create(LibC.class).load(LibraryLoader.DEFAULT_LIBRARY),
                null);
        assertEquals(ProcessHandle.current().pid(), libc.getpid());
        assertEquals("Grüße".getBytes(StandardCharsets.UTF_8).length, libc.strlen("Grüße"));
        // never unloaded: closing the process's default library is not the loader's business
        assertTrue(generation.opened().isEmpty());
    }

    private LibraryGeneration generation() {
        return new LibraryGeneration("lifecycle", new Version(1, 0, 0), 9L, 4L, "test.lifecycle", folder, List.of(file));
    }

    private static Lifecycle bind(Path file) {
        return LibraryLoader.create(Lifecycle.class)
                .failImmediately()
                .option(LibraryOption.IgnoreError, true)
                .option(LibraryOption.LoadNow, true)
                .load(file.toString());
    }

    private static int disposedFlag(Object binding) throws ReflectiveOperationException {
        Object library = JffiHandles.libraries(binding).get(0);
        Field disposed = library.getClass().getDeclaredField("disposed");
        disposed.setAccessible(true);
        return disposed.getInt(library);
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
