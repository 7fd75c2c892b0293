package io.nativebundle.binary.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.Test;

import io.nativebundle.binary.GlibcVersion;

/** The version definitions of libc.so.6 (moved here from the loader, with its tests). */
public class GlibcDefinitionsTest {

    private static final Path NO_VERSIONS = Path.of(System.getProperty("nativebundle.test.natives",
            "target/test-natives/linux"), "x86-64/libfixture.so");

    @Test
    public void theHostGlibcDefinesItsOwnVersion() throws Exception {
        Optional<Path> libc = HostFixture.hostLibrary("libc.so.6");
        assumeTrue("a glibc host", libc.isPresent());
        List<String> names = GlibcDefinitions.definitions(libc.get());
        assertTrue(names.toString(), names.contains("GLIBC_2.2.5") || names.contains("GLIBC_2.17"));
        GlibcVersion highest = GlibcDefinitions.highest(libc.get()).orElseThrow();
        assertTrue(highest.toString(), highest.compareTo(new GlibcVersion(2, 17, 0)) >= 0);
        assertEquals(names.stream().map(GlibcVersion::parse).flatMap(Optional::stream).max(GlibcVersion::compareTo),
                Optional.of(highest));

        GlibcDefinitions defs = GlibcDefinitions.of(libc.get()).orElseThrow();
        assertEquals(names, defs.names());
        assertEquals(Optional.of(highest), defs.highestVersion());
        assertTrue(defs.defines(highest));
        assertFalse(defs.defines(new GlibcVersion(highest.major(), highest.minor() + 50, 0)));
    }

    @Test
    public void aLibraryWithoutVersionDefinitionsDefinesNone() throws Exception {
        assertEquals(List.of(), GlibcDefinitions.definitions(NO_VERSIONS));
        assertEquals(Optional.empty(), GlibcDefinitions.highest(NO_VERSIONS));
        assertEquals(Optional.empty(), GlibcDefinitions.of(NO_VERSIONS).orElseThrow().highestVersion());
    }

    @Test
    public void badInputIsAnIOExceptionNeverARuntimeOne() throws Exception {
        assertThrows(IOException.class, () -> GlibcDefinitions.definitions(new byte[10]));
        assertEquals(Optional.empty(), GlibcDefinitions.of(Path.of("/no/such/libc.so.6")));
        byte[] real = Files.readAllBytes(HostFixture.hostLibrary("libc.so.6").orElse(NO_VERSIONS));
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = Arrays.copyOf(real, 64 + random.nextInt(real.length - 64));
            for (int flips = 0; flips < 8; flips++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
            }
            try {
                GlibcDefinitions.definitions(bytes);
            } catch (IOException expected) {
                // fine: damaged input is refused
            }
        }
    }
}
