package io.nativebundle.loader.internal.open;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;

/** Calls the version functions of the test library {@code libsym.so} (src/test/c/sym.c) through the jnr backend. */
public class VersionFunctionTest {

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();
    private static final JnrBackend BACKEND = new JnrBackend();

    @Test
    public void returnsTheTextTheFunctionReturns() throws Exception {
        assertEquals("3.4.5-beta", VersionFunction.call(opened(), LIBSYM, "sym_version"));
    }

    @Test
    public void aFunctionTheLibraryLacksIsAMissingSymbol() throws Exception {
        LibraryGeneration generation = opened();
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> VersionFunction.call(generation, LIBSYM, "sym_nope"));
        assertEquals(RefusalReason.SYMBOL_MISSING, r.reason());
        assertTrue(r.getMessage(), r.getMessage().startsWith("NativeBundle-Library declares version-symbol=sym_nope but "
                + LIBSYM + " does not export it"));
    }

    @Test
    public void aNullAnswerIsAVersionMismatch() throws Exception {
        LibraryGeneration generation = opened();
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> VersionFunction.call(generation, LIBSYM, "sym_no_version"));
        assertEquals(RefusalReason.VERSION_MISMATCH, r.reason());
        assertEquals("sym_no_version() of " + LIBSYM + " returned NULL; expected its version as text, e.g. 1.2.13",
                r.getMessage());
    }

    @Test
    public void anUnopenableFileIsALoadFailure() {
        Path missing = LIBSYM.resolveSibling("libnothere.so");
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> BACKEND.open(missing, List.of()));
        assertEquals(RefusalReason.LOAD_FAILED, r.reason());
        assertTrue(r.getMessage(), r.getMessage().contains("could not open " + missing));
    }

    private static LibraryGeneration opened() throws LoadRefusal {
        LibraryGeneration generation = new LibraryGeneration("sym", 1L);
        generation.opened(BACKEND.name(), BACKEND.open(LIBSYM, List.of()));
        return generation;
    }
}
