package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Assume;
import org.junit.Test;

public class LibcDetectorTest {

    private static final String GLIBC_MAPS = String.join("\n",
            "55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1234   /usr/lib/jvm/java-17/bin/java",
            "7f3b33703000-7f3b33729000 r--p 00000000 fe:00 339380 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f3b33729000-7f3b3387f000 r-xp 00026000 fe:00 339380 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7ffd2b5e0000-7ffd2b601000 rw-p 00000000 00:00 0      [stack]");

    private static final String MUSL_MAPS = String.join("\n",
            "7f0000000000-7f0000001000 r--p 00000000 08:01 42 /usr/lib/jvm/java-17-openjdk/lib/server/libjvm.so",
            "7f0000100000-7f0000150000 r-xp 00000000 08:01 43 /lib/ld-musl-x86_64.so.1");

    /** A fake file system: maps text, files by path, folder listings. */
    private static final class FakeFs implements LibcDetector.FileSystem {
        final Map<Path, byte[]> files = new HashMap<>();
        final Map<Path, List<Path>> folders = new HashMap<>();

        FakeFs with(String path, String content) {
            files.put(Path.of(path), content.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        @Override
        public Optional<String> readString(Path file) {
            return readBytes(file).map(b -> new String(b, StandardCharsets.ISO_8859_1));
        }

        @Override
        public Optional<byte[]> readBytes(Path file) {
            return Optional.ofNullable(files.get(file));
        }

        @Override
        public List<Path> list(Path dir) {
            return folders.getOrDefault(dir, List.of());
        }
    }

    @Test
    public void glibcVersionComesFromTheBannerInLibc() {
        FakeFs fs = new FakeFs()
                .with("/proc/self/maps", GLIBC_MAPS)
                .with("/usr/lib/x86_64-linux-gnu/libc.so.6",
                        "\u007fELF...GLIBC_2.2.5\0GLIBC_2.34\0...GNU C Library (Debian GLIBC 2.36-9+deb12u10)"
                                + " stable release version 2.36.\nCopyright...");

        Libc libc = new LibcDetector(fs).detect();

        assertEquals(Optional.of("glibc"), libc.flavour());
        assertEquals(Optional.of("2.36"), libc.version());
    }

    @Test
    public void withoutBannerTheHighestSymbolVersionCounts() {
        byte[] image = "GLIBC_2.2.5\0GLIBC_2.17\0GLIBC_2.9\0GLIBC_PRIVATE\0GLIBC_2.35\0GLIBC_2.4"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(Optional.of("2.35"), LibcDetector.glibcVersion(image));
    }

    @Test
    public void threePartSymbolVersionsCompareNumerically() {
        byte[] image = "GLIBC_2.2.5\0GLIBC_2.2.6\0GLIBC_2.2".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(Optional.of("2.2.6"), LibcDetector.glibcVersion(image));
    }

    @Test
    public void oldGlibcFileNameGivesTheVersion() {
        FakeFs fs = new FakeFs().with("/proc/self/maps",
                "7f00-7f01 r-xp 00000000 08:01 7 /lib/x86_64-linux-gnu/libc-2.31.so");

        Libc libc = new LibcDetector(fs).detect();

        assertEquals(Optional.of("glibc"), libc.flavour());
        assertEquals(Optional.of("2.31"), libc.version());
    }

    @Test
    public void muslIsRecognisedByItsLoader() {
        Libc libc = new LibcDetector(new FakeFs().with("/proc/self/maps", MUSL_MAPS)).detect();

        assertEquals(Optional.of("musl"), libc.flavour());
        assertEquals(Optional.empty(), libc.version());
    }

    @Test
    public void withoutProcTheWellKnownLocationsAreTried() {
        FakeFs musl = new FakeFs();
        musl.folders.put(Path.of("/lib"), List.of(Path.of("/lib/apk"), Path.of("/lib/ld-musl-aarch64.so.1")));
        assertEquals(Optional.of("musl"), new LibcDetector(musl).detect().flavour());

        FakeFs glibc = new FakeFs().with("/lib/aarch64-linux-gnu/libc.so.6", "release version 2.39.");
        glibc.folders.put(Path.of("/lib"), List.of(Path.of("/lib/aarch64-linux-gnu")));
        Libc libc = new LibcDetector(glibc).detect();
        assertEquals(Optional.of("glibc"), libc.flavour());
        assertEquals(Optional.of("2.39"), libc.version());
    }

    @Test
    public void nothingRecognisableIsUnknown() {
        assertEquals(Optional.empty(), new LibcDetector(new FakeFs()).detect().flavour());
    }

    @Test
    public void mappedFilesKeepsPathsOnceAndDropsDeletedMarks() {
        List<Path> files = LibcDetector.mappedFiles(GLIBC_MAPS + "\n"
                + "7f00-7f01 r-xp 00000000 08:01 9 /tmp/jffi123.so (deleted)\n"
                + "7f00-7f01 r-xp 00000000 08:01 9 /opt/with space/lib.so");

        assertEquals(List.of(Path.of("/usr/lib/jvm/java-17/bin/java"),
                Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6"),
                Path.of("/tmp/jffi123.so"),
                Path.of("/opt/with space/lib.so")), files);
    }

    @Test
    public void onThisGlibcHostTheVersionMatchesTheLibraryBanner() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        Assume.assumeTrue(Files.isReadable(maps) && Files.readString(maps).contains("/libc.so.6"));

        Libc libc = LibcDetector.host().detect();

        assertEquals(Optional.of("glibc"), libc.flavour());
        assertTrue(libc.toString(), libc.version().orElse("").matches("2\\.\\d+"));
    }
}
