package io.nativebundle.binary.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;

/**
 * The libc and search path of fixture trees (a fake /proc, ld.so.conf, a musl loader), and of this
 * machine. The cases of the launcher's old LibcDetectorTest and the loader's HostLibcTest are here.
 */
public class HostPlatformTest {

    private static final String GLIBC_MAPS = String.join("\n",
            "55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1234   /usr/lib/jvm/java-17/bin/java",
            "7f3b33703000-7f3b33729000 r--p 00000000 fe:00 339380 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f3b33729000-7f3b3387f000 r-xp 00026000 fe:00 339380 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7ffd2b5e0000-7ffd2b601000 rw-p 00000000 00:00 0      [stack]");

    private static final String MUSL_MAPS = String.join("\n",
            "7f0000000000-7f0000001000 r--p 00000000 08:01 42 /usr/lib/jvm/java-17-openjdk/lib/server/libjvm.so",
            "7f0000100000-7f0000150000 r-xp 00000000 08:01 43 /lib/ld-musl-x86_64.so.1");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void glibcVersionComesFromTheBannerOfTheMappedLibc() throws Exception {
        HostFixture fs = fixture()
                .text("/proc/self/maps", GLIBC_MAPS)
                .file("/usr/lib/x86_64-linux-gnu/libc.so.6", HostFixture.elfWith(ElfMachine.X86_64,
                        "GLIBC_2.2.5\0GLIBC_2.34\0...GNU C Library (Debian GLIBC 2.36-9+deb12u10) stable release"
                                + " version 2.36.\nCopyright..."));

        HostLibc libc = HostPlatform.of(fs.root, "amd64", "64").libc();

        assertEquals(LibcFlavour.GLIBC, libc.flavour());
        assertEquals(GlibcVersion.parse("2.36"), libc.version());
        assertEquals(Optional.of("glibc"), libc.flavourName());
        assertTrue(libc.source(), libc.source().startsWith("detected from /usr/lib/x86_64-linux-gnu/libc.so.6 in"
                + " /proc/self/maps; version from the banner of "));
    }

    @Test
    public void anOldGlibcFileNameGivesTheVersion() throws Exception {
        HostFixture fs = fixture().text("/proc/self/maps",
                "7f00-7f01 r-xp 00000000 08:01 7 /lib/x86_64-linux-gnu/libc-2.31.so");

        HostLibc libc = HostPlatform.of(fs.root, "amd64", "64").libc();

        assertEquals(LibcFlavour.GLIBC, libc.flavour());
        assertEquals(GlibcVersion.parse("2.31"), libc.version());
    }

    @Test
    public void muslIsRecognisedByItsMappedLoader() throws Exception {
        HostLibc libc = HostPlatform.of(fixture().text("/proc/self/maps", MUSL_MAPS).root, "amd64", "64").libc();

        assertEquals(LibcFlavour.MUSL, libc.flavour());
        assertEquals(Optional.empty(), libc.version());
        assertEquals("musl", libc.describe());
    }

    @Test
    public void withoutProcTheSearchPathTellsTheFlavour() throws Exception {
        HostFixture musl = fixture().file("/lib/ld-musl-aarch64.so.1", new byte[] {1});
        assertEquals(LibcFlavour.MUSL, HostPlatform.of(musl.root, "aarch64", "64").libc().flavour());

        HostFixture glibc = fixture().file("/lib/aarch64-linux-gnu/libc.so.6",
                HostFixture.elfWith(ElfMachine.AARCH64, "release version 2.39."));
        HostPlatform host = HostPlatform.of(glibc.root, "aarch64", "64");
        assertEquals(LibcFlavour.GLIBC, host.libc().flavour());
        assertEquals(GlibcVersion.parse("2.39"), host.libc().version());
        assertEquals(Optional.of(glibc.root.resolve("lib/aarch64-linux-gnu/libc.so.6")),
                host.libraries().find("libc.so.6"));
    }

    @Test
    public void ldSoConfDirectoriesAreSearchedToo() throws Exception {
        HostFixture fs = fixture()
                .text("/etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n")
                .text("/etc/ld.so.conf.d/vendor.conf", "/opt/vendor/lib\n")
                .file("/opt/vendor/lib/libc.so.6", HostFixture.elfWith(ElfMachine.X86_64, "release version 2.28."));

        HostPlatform host = HostPlatform.of(fs.root, "amd64", "64");

        assertEquals(fs.root.resolve("opt/vendor/lib"), host.libraries().directories().get(0));
        assertEquals(GlibcVersion.parse("2.28"), host.libc().version());
    }

    @Test
    public void withoutABannerTheHighestDefinedVersionCounts() throws Exception {
        // libm defines GLIBC_x.y versions like libc but carries no release banner
        Optional<Path> libm = HostFixture.hostLibrary("libm.so.6");
        assumeTrue("a glibc x86-64 host", libm.isPresent() && HostMachine.current().machine() == ElfMachine.X86_64);
        HostFixture fs = fixture().copy(libm.get(), "/lib/x86_64-linux-gnu/libc.so.6");

        HostPlatform host = HostPlatform.of(fs.root, "amd64", "64");

        assertEquals(GlibcDefinitions.highest(libm.get()), host.libc().version());
        assertEquals(GlibcDefinitions.highest(libm.get()), host.glibcDefinitions().orElseThrow().highestVersion());
        assertTrue(host.libc().source(), host.libc().source().contains("version from the version definitions of"));
    }

    @Test
    public void nothingRecognisableIsUnknown() throws Exception {
        HostPlatform host = HostPlatform.of(fixture().root, "amd64", "64");
        assertEquals(LibcFlavour.UNKNOWN, host.libc().flavour());
        assertEquals(Optional.empty(), host.libc().flavourName());
        assertEquals(Optional.empty(), host.glibcDefinitions());
        assertEquals("not detected (no libc.so.6 or ld-musl on the search path)", host.libc().source());
    }

    @Test
    public void theJvmExecutableTellsTheFlavourFirst() throws Exception {
        Path exe = Path.of("/proc/self/exe");
        Optional<Path> libc = HostFixture.hostLibrary("libc.so.6");
        assumeTrue("a glibc Linux host", Files.isReadable(exe) && libc.isPresent());
        // the JVM's executable asks for ld-linux, whatever the maps say
        HostFixture fs = fixture().copy(exe, "/proc/self/exe").text("/proc/self/maps", MUSL_MAPS);

        HostLibc detected = HostPlatform.of(fs.root, System.getProperty("os.arch"), "64").libc();

        assertEquals(LibcFlavour.GLIBC, detected.flavour());
        assertTrue(detected.source(), detected.source().startsWith("detected from " + fs.root.resolve("proc/self/exe")));
    }

    @Test
    public void mappedFilesKeepsPathsOnceAndDropsDeletedMarks() {
        List<Path> files = ProcMaps.mappedFiles(GLIBC_MAPS + "\n"
                + "7f00-7f01 r-xp 00000000 08:01 9 /tmp/jffi123.so (deleted)\n"
                + "7f00-7f01 r-xp 00000000 08:01 9 /opt/with space/lib.so");

        assertEquals(List.of(Path.of("/usr/lib/jvm/java-17/bin/java"),
                Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6"),
                Path.of("/tmp/jffi123.so"),
                Path.of("/opt/with space/lib.so")), files);
    }

    @Test
    public void onThisGlibcHostTheVersionMatchesTheLibraryBannerAndTheDefinitions() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue("a glibc Linux host", Files.isReadable(maps) && Files.readString(maps).contains("/libc.so.6"));

        HostPlatform host = HostPlatform.current();

        assertSame(host, HostPlatform.current());
        assertEquals(LibcFlavour.GLIBC, host.libc().flavour());
        GlibcVersion version = host.libc().version().orElseThrow();
        assertEquals(2, version.major());
        assertTrue(version.toString(), version.minor() >= 17);
        assertTrue(host.libc().source(), host.libc().source().startsWith("detected from /proc/self/exe"));
        GlibcDefinitions defs = host.glibcDefinitions().orElseThrow();
        assertTrue(defs.toString(), defs.highestVersion().orElseThrow().compareTo(new GlibcVersion(2, 17, 0)) >= 0);
        assertEquals(HostMachine.current().osgiProcessor(), host.machine().osgiProcessor());
        assertTrue(host.libraries().find("libc.so.6").isPresent());
    }

    @Test
    public void threadsAskingAtOnceGetTheOneReading() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HostPlatform>> seen = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                seen.add(pool.submit(() -> {
                    start.await();
                    return HostPlatform.current();
                }));
            }
            start.countDown();
            HostPlatform first = seen.get(0).get(30, TimeUnit.SECONDS);
            for (Future<HostPlatform> f : seen) {
                assertSame(first, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private HostFixture fixture() throws Exception {
        return new HostFixture(temp.newFolder().toPath());
    }
}
