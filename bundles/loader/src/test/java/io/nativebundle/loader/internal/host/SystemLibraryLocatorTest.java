package io.nativebundle.loader.internal.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;

import org.junit.Test;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.loader.internal.LoadRefusal;

/** Runs against this host's real search path: every Linux host this project targets has libc.so.6. */
public class SystemLibraryLocatorTest {

    private final SystemLibraryLocator locator = new SystemLibraryLocator(SystemLibraries.of(
            ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElse(ElfMachine.OTHER), ElfClass.ELF64));

    @Test
    public void findsAHostLibraryAndReadsItsRealPath() throws Exception {
        SystemLibraryLocator.Located libc = locator.locate("c", "libc.so.6");
        assertTrue(libc.real().isAbsolute());
        assertTrue(Files.isRegularFile(libc.real()));
        assertFalse(Files.isSymbolicLink(libc.real()));
        assertEquals(libc.found().toRealPath(), libc.real());
    }

    @Test
    public void followsTheSonameLinkToTheVersionedFile() throws Exception {
        assumeTrue("zlib installed", Files.exists(java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1")));
        SystemLibraryLocator.Located z = locator.locate("z", "libz.so.1");
        assertTrue(z.describe(), z.describe().contains(" -> "));
        assertTrue(z.real().getFileName().toString(), z.real().getFileName().toString().startsWith("libz.so.1."));
    }

    @Test
    public void aMissingLibraryIsRefusedNamingTheDirectoriesSearched() {
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> locator.locate("nope", "libnativebundle-nope.so.9"));
        assertEquals(RefusalReason.SYSTEM_LIBRARY_MISSING, r.reason());
        assertTrue(r.getMessage(), r.getMessage().startsWith("library 'nope' is declared system=libnativebundle-nope.so.9,"
                + " but no libnativebundle-nope.so.9 for this JVM's machine is on the host's library search path ["));
        assertTrue(r.getMessage(), r.getMessage().contains("/usr/lib"));
        assertTrue(r.getMessage(), r.getMessage().contains("LD_LIBRARY_PATH is not used"));
    }
}
