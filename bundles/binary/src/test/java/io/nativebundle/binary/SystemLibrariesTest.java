package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SystemLibrariesTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void readsLdSoConfWithIncludesCommentsAndOldSeparators() throws Exception {
        Path root = temp.getRoot().toPath();
        write(root.resolve("etc/ld.so.conf"), "# comment\ninclude /etc/ld.so.conf.d/*.conf\n/opt/a:/opt/b\n");
        write(root.resolve("etc/ld.so.conf.d/b.conf"), "/opt/from-b # trailing comment\nhwcap 1 ignored\n");
        write(root.resolve("etc/ld.so.conf.d/a.conf"), "/opt/from-a=libc6\ninclude nested/*.conf\n");
        write(root.resolve("etc/ld.so.conf.d/nested/n.conf"), "/opt/nested\n");
        write(root.resolve("etc/ld.so.conf.d/skipped.txt"), "/opt/skipped\n");

        List<Path> dirs = new LdSoConf(root).directories();
        assertEquals(List.of(root.resolve("opt/from-a"), root.resolve("opt/nested"), root.resolve("opt/from-b"),
                root.resolve("opt/a"), root.resolve("opt/b")), dirs);
    }

    @Test
    public void anIncludeCycleEnds() throws Exception {
        Path root = temp.getRoot().toPath();
        write(root.resolve("etc/ld.so.conf"), "include /etc/ld.so.conf\n/opt/x\n");
        assertEquals(List.of(root.resolve("opt/x")), new LdSoConf(root).directories());
    }

    @Test
    public void findsOnlyLibrariesOfThisMachineAndClassInSearchOrder() throws Exception {
        Path root = temp.getRoot().toPath();
        write(root.resolve("etc/ld.so.conf"), "/opt/cross\n/opt/good\n");
        elf(root.resolve("opt/cross/libz.so.1"), 2, ElfMachine.AARCH64);
        elf(root.resolve("opt/good/libz.so.1"), 2, ElfMachine.X86_64);
        elf(root.resolve("usr/lib/x86_64-linux-gnu/libz.so.1"), 2, ElfMachine.X86_64);
        elf(root.resolve("lib64/lib32only.so"), 1, ElfMachine.X86_64);

        SystemLibraries libraries = SystemLibraries.of(root, ElfMachine.X86_64, ElfClass.ELF64);
        assertEquals(Optional.of(root.resolve("opt/good/libz.so.1")), libraries.find("libz.so.1"));
        assertEquals(Optional.empty(), libraries.find("lib32only.so"));
        assertEquals(Optional.empty(), libraries.find("libnothere.so"));
        assertEquals("a name with a slash is a path, not searched", Optional.empty(), libraries.find("../opt/good/libz.so.1"));
        assertTrue(libraries.directories().containsAll(List.of(root.resolve("lib/x86_64-linux-gnu"),
                root.resolve("usr/lib/x86_64-linux-gnu"), root.resolve("lib64"), root.resolve("usr/lib64"),
                root.resolve("lib"), root.resolve("usr/lib"))));
    }

    @Test
    public void aMuslPathFileAddsItsDirectories() throws Exception {
        Path root = temp.getRoot().toPath();
        write(root.resolve("etc/ld-musl-x86_64.path"), "/opt/musl:/usr/local/lib\n");
        SystemLibraries libraries = SystemLibraries.of(root, ElfMachine.X86_64, ElfClass.ELF64);
        assertTrue(libraries.directories().toString(), libraries.directories().contains(root.resolve("opt/musl")));
    }

    @Test
    public void theRealHostHasItsCLibraryOnTheSearchPath() {
        assumeTrue("a Linux host", Files.exists(Path.of("/proc/self/exe")));
        SystemLibraries host = SystemLibraries.forThisJvm();
        assertTrue(host.directories().toString(), host.find("libc.so.6").isPresent()
                || host.find("libc.musl-x86_64.so.1").isPresent() || host.find("libc.so").isPresent());
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Just the 20 bytes of an ELF header that the search looks at. */
    private static void elf(Path file, int elfClass, ElfMachine machine) throws Exception {
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = (byte) elfClass;
        header[5] = 1;
        header[18] = (byte) machine.code();
        Files.createDirectories(file.getParent());
        Files.write(file, header);
    }
}
