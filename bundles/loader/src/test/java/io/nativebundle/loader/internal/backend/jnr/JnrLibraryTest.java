package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.unload.MappedFiles;
import io.nativebundle.loader.internal.unload.Unloader;
import jnr.ffi.LibraryLoader;

/** The jnr backend on real copies of a library: local scope, handles taken over from jffi, closed by the loader. */
public class JnrLibraryTest {

    /** The part of {@code src/test/c/lifecycle/lifecycle.c} with a global variable. */
    public interface Counter {
        void increment();

        int counter_value();
    }

    /** A function of the C library of the process. */
    public interface LibC {
        int getpid();
    }

    private static final Path LIBRARY = Path.of(System.getProperty("nativebundle.test.liblifecycle",
            "target/test-natives/liblifecycle.so")).toAbsolutePath();

    private final JnrBackend backend = new JnrBackend();
    private final Unloader unloader = new Unloader(5_000, LifecycleEvents.logOnly(), folder -> { });

    @After
    public void stop() {
        unloader.close();
    }

    @Test
    public void twoCopiesOpenAtOnceKeepTheirOwnGlobalsAndBothUnmap() throws Exception {
        LibraryGeneration first = generation(1);
        LibraryGeneration second = generation(2);
        Counter a = openAndGuard(first);
        Counter b = openAndGuard(second);

        a.increment();
        a.increment();
        b.increment();

        assertEquals("opened RTLD_GLOBAL, the second copy would count in the first copy's variable", 2, a.counter_value());
        assertEquals(1, b.counter_value());
        assertTrue(unloader.unload(first, "test"));
        assertEquals("nothing binds the second copy to the first", List.of(), List.copyOf(MappedFiles.under(first.folder())));
        assertTrue(unloader.unload(second, "test"));
        assertEquals(List.of(), List.copyOf(MappedFiles.under(second.folder())));
    }

    @Test
    public void theLibraryTakesOverJffisHandlesAndClosesThemItself() throws Exception {
        Path file = generation(3).files().get(0);
        JnrLibrary library = (JnrLibrary) backend.open(file, List.of());
        Counter binding = library.bind(Counter.class);
        Object jffiLibrary = JffiHandles.libraries(binding).get(0);
        assertEquals("jffi's own dlclose is disarmed", 1, disposedFlag(jffiLibrary));
        assertEquals(file.toString(), JffiHandles.takeOver(jffiLibrary).path());
        binding.increment();
        assertEquals(List.of(file.toString()), List.copyOf(MappedFiles.under(file.getParent())));

        assertEquals(List.of(), library.close());

        assertEquals("closed by the loader, not by jffi", List.of(), List.copyOf(MappedFiles.under(file.getParent())));
    }

    @Test
    public void theProcessDefaultLibraryIsNeverTakenOver() {
        LibC libc = LibraryLoader.create(LibC.class).load(LibraryLoader.DEFAULT_LIBRARY);
        assertEquals(ProcessHandle.current().pid(), libc.getpid());
        // closing the process's default library is not the loader's business
        assertNull(JffiHandles.takeOver(JffiHandles.libraries(libc).get(0)));
    }

    @Test
    public void aFileTheDynamicLinkerRefusesIsALoadRefusalNamingIt() throws Exception {
        Path folder = folder();
        Path garbage = Files.write(folder.resolve("libgarbage.so"), new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> backend.open(garbage, List.of()));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("the dynamic linker could not open " + garbage));
    }

    @Test
    public void aFileThatIsNotThereIsALoadFailureNamingIt() throws Exception {
        Path missing = folder().resolve("nothing-here.so");
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> backend.open(missing, List.of()));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("the dynamic linker could not open " + missing + ": "));
    }

    @Test
    public void aDependencyThatFailsClosesWhatWasOpenedBefore() throws Exception {
        Path good = generation(4).files().get(0);
        Path missing = good.resolveSibling("libmissing.so");
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> backend.open(missing, List.of(good)));
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("the dynamic linker could not open " + missing));
        assertEquals("the dependency opened first is closed again", List.of(),
                List.copyOf(MappedFiles.under(good.getParent())));
    }

    private Counter openAndGuard(LibraryGeneration generation) throws LoadRefusal {
        generation.opened(backend.name(), backend.open(generation.files().get(0), List.of()));
        generation.bind(Counter.class);
        return GuardFactory.of(Counter.class).guard(generation, generation.takeBinding(Counter.class), null);
    }

    private static int disposedFlag(Object jffiLibrary) throws ReflectiveOperationException {
        Field disposed = jffiLibrary.getClass().getDeclaredField("disposed");
        disposed.setAccessible(true);
        return disposed.getInt(jffiLibrary);
    }

    private LibraryGeneration generation(long number) throws IOException {
        Path folder = folder();
        Path file = Files.copy(LIBRARY, folder.resolve("liblifecycle.so"));
        return new LibraryGeneration("lifecycle", Version.emptyVersion, number, 1L, "test", folder, List.of(file),
                unloader.releases());
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(LIBRARY.getParent().resolve("binder").resolve(UUID.randomUUID().toString()))
                .toRealPath();
    }
}
