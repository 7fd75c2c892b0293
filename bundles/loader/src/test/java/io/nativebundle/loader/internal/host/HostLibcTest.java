package io.nativebundle.loader.internal.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.loader.internal.verify.Fixtures;

public class HostLibcTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void theJvmExecutableTellsTheFlavour() {
        SystemLibraries real = Fixtures.host().libraries();
        assumeTrue("a glibc Linux host", Files.exists(Path.of("/proc/self/exe")) && real.find("libc.so.6").isPresent());
        HostLibc.Detected<LibcFlavour> detected = HostLibc.detectFlavour(Path.of("/proc/self/exe"), real);
        assertEquals(LibcFlavour.GLIBC, detected.value());
        assertTrue(detected.source(), detected.source().contains("/proc/self/exe"));
    }

    @Test
    public void withoutAnExecutableTheSearchPathTellsTheFlavour() throws Exception {
        Path root = temp.getRoot().toPath();
        Path loader = root.resolve("lib/ld-musl-x86_64.so.1");
        Files.createDirectories(loader.getParent());
        Files.write(loader, new byte[] {1});
        SystemLibraries musl = SystemLibraries.of(root, ElfMachine.X86_64, ElfClass.ELF64);
        HostLibc.Detected<LibcFlavour> detected = HostLibc.detectFlavour(root.resolve("no-such-exe"), musl);
        assertEquals(LibcFlavour.MUSL, detected.value());
        assertEquals(LibcFlavour.UNKNOWN, HostLibc.detectFlavour(root.resolve("no-such-exe"),
                SystemLibraries.of(temp.newFolder().toPath(), ElfMachine.X86_64, ElfClass.ELF64)).value());
    }

    @Test
    public void theHostGlibcVersionComesFromItsLibcSo6() {
        SystemLibraries real = Fixtures.host().libraries();
        assumeTrue("a glibc host", real.find("libc.so.6").isPresent());
        HostLibc.Detected<GlibcVersion> glibc = HostLibc.glibc(real).orElseThrow();
        assertTrue(glibc.value().toString(), glibc.value().major() == 2 && glibc.value().minor() >= 17);
        assertTrue(glibc.source(), glibc.source().contains("libc.so.6"));
    }
}
