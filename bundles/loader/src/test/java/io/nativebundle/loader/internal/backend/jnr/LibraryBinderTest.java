package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.unload.MappedFiles;
import io.nativebundle.loader.internal.unload.Unloader;

/** Two copies of one library, open at once as two tenants' or two generations' would be. */
public class LibraryBinderTest {

    /** The part of {@code src/test/c/lifecycle/lifecycle.c} with a global variable. */
    public interface Counter {
        void increment();

        int counter_value();
    }

    private static final Path LIBRARY = Path.of(System.getProperty("nativebundle.test.liblifecycle",
            "target/test-natives/liblifecycle.so")).toAbsolutePath();

    private final Unloader unloader = new Unloader(5_000, LifecycleEvents.logOnly(), folder -> { });

    @After
    public void stop() {
        unloader.close();
    }

    @Test
    public void twoCopiesOpenAtOnceKeepTheirOwnGlobalsAndBothUnmap() throws Exception {
        LibraryGeneration first = generation(1);
        LibraryGeneration second = generation(2);
        LibraryBinder.open(first.files().get(0), List.of(), first::hold);
        first.open(LibraryBinder.bind(Counter.class, first.files().get(0), List.of()));
        LibraryBinder.open(second.files().get(0), List.of(), second::hold);
        second.open(LibraryBinder.bind(Counter.class, second.files().get(0), List.of()));
        Counter a = first.guard(Counter.class, null);
        Counter b = second.guard(Counter.class, null);
        first.published();
        second.published();

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
    public void aFileTheDynamicLinkerRefusesIsALoadRefusalNamingIt() throws Exception {
        Path folder = folder();
        Path garbage = Files.write(folder.resolve("libgarbage.so"), new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        LoadRefusal refusal = org.junit.Assert.assertThrows(LoadRefusal.class,
                () -> LibraryBinder.open(garbage, List.of(), o -> { }));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("the dynamic linker could not open " + garbage));
    }

    private static LibraryGeneration generation(long number) throws IOException {
        Path folder = folder();
        Path file = Files.copy(LIBRARY, folder.resolve("liblifecycle.so"));
        return new LibraryGeneration("lifecycle", Version.emptyVersion, number, 1L, "test", folder, List.of(file));
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(LIBRARY.getParent().resolve("binder").resolve(UUID.randomUUID().toString()))
                .toRealPath();
    }
}
