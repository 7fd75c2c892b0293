package io.nativebundle.loader.internal.open;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.Test;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/** Calls the version functions of the test library {@code libsym.so} (src/test/c/sym.c) through jffi. */
public class VersionFunctionTest {

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();

    @Test
    public void returnsTheTextTheFunctionReturns() throws Exception {
        assertEquals("3.4.5-beta", VersionFunction.call(LIBSYM, "sym_version"));
    }

    @Test
    public void aFunctionTheLibraryLacksIsAMissingSymbol() {
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> VersionFunction.call(LIBSYM, "sym_nope"));
        assertEquals(RefusalReason.SYMBOL_MISSING, r.reason());
        assertTrue(r.getMessage(), r.getMessage().startsWith("NativeBundle-Library declares version-symbol=sym_nope but "
                + LIBSYM + " does not export it"));
    }

    @Test
    public void aNullAnswerIsAVersionMismatch() {
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> VersionFunction.call(LIBSYM, "sym_no_version"));
        assertEquals(RefusalReason.VERSION_MISMATCH, r.reason());
        assertEquals("sym_no_version() of " + LIBSYM + " returned NULL; expected its version as text, e.g. 1.2.13",
                r.getMessage());
    }

    @Test
    public void anUnopenableFileIsALoadFailure() {
        Path missing = LIBSYM.resolveSibling("libnothere.so");
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> VersionFunction.call(missing, "sym_version"));
        assertEquals(RefusalReason.LOAD_FAILED, r.reason());
        assertTrue(r.getMessage(), r.getMessage().contains("could not open " + missing));
    }
}
