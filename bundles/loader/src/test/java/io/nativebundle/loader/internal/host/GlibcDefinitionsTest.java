package io.nativebundle.loader.internal.host;

import static org.junit.Assert.assertEquals;
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

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.loader.internal.verify.Fixtures;

public class GlibcDefinitionsTest {

    @Test
    public void theHostGlibcDefinesItsOwnVersion() throws Exception {
        Optional<Path> libc = hostLibc();
        assumeTrue("a glibc host", libc.isPresent());
        List<String> names = GlibcDefinitions.definitions(libc.get());
        assertTrue(names.toString(), names.contains("GLIBC_2.2.5") || names.contains("GLIBC_2.17"));
        GlibcVersion highest = GlibcDefinitions.highest(libc.get()).orElseThrow();
        assertTrue(highest.toString(), highest.compareTo(new GlibcVersion(2, 17, 0)) >= 0);
        assertEquals(names.stream().map(GlibcVersion::parse).flatMap(Optional::stream).max(GlibcVersion::compareTo),
                Optional.of(highest));
    }

    @Test
    public void aLibraryWithoutVersionDefinitionsDefinesNone() throws Exception {
        assertEquals(List.of(), GlibcDefinitions.definitions(Fixtures.ok(Fixtures.HOST)));
        assertEquals(Optional.empty(), GlibcDefinitions.highest(Fixtures.ok(Fixtures.HOST)));
    }

    @Test
    public void badInputIsAnIOExceptionNeverARuntimeOne() throws Exception {
        assertThrows(IOException.class, () -> GlibcDefinitions.definitions(new byte[10]));
        byte[] real = Files.readAllBytes(hostLibc().orElse(Fixtures.ok(Fixtures.HOST)));
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

    private static Optional<Path> hostLibc() {
        ElfMachine machine = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElse(ElfMachine.OTHER);
        return SystemLibraries.of(machine, ElfClass.ELF64).find("libc.so.6");
    }
}
