package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Other encodings, files without section headers, real system files, and file-level limits. */
public class ElfReaderVariantsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void elf32() throws Exception {
        ElfFile lib = ElfReader.read(Fixtures.elf32());
        assertEquals(ElfClass.ELF32, lib.elfClass());
        assertEquals(32, lib.elfClass().bits());
        assertEquals(ElfMachine.X86, lib.machine());
        assertEquals(ByteOrder.LITTLE_ENDIAN, lib.byteOrder());
        assertMini(lib);
    }

    @Test
    public void bigEndian() throws Exception {
        ElfFile lib = ElfReader.read(Fixtures.bigEndian());
        assertEquals(ElfClass.ELF64, lib.elfClass());
        assertEquals(ElfMachine.AARCH64, lib.machine());
        assertEquals(ByteOrder.BIG_ENDIAN, lib.byteOrder());
        assertMini(lib);
    }

    private static void assertMini(ElfFile lib) {
        assertEquals(ElfType.DYN, lib.type());
        assertEquals("libmini.so", lib.soname().orElseThrow());
        assertEquals(List.of(), lib.needed());
        assertEquals(SymbolType.FUNC, lib.exportedSymbol("mini_value").orElseThrow().type());
        assertEquals(new BuildNote("mini", "0.1.0", "1.0.0", lib.buildNote().orElseThrow().compiler()),
                lib.buildNote().orElseThrow());
        assertTrue(lib.versionNeeds().isEmpty());
        assertTrue(lib.highestGlibc().isEmpty());
        assertEquals("no interpreter and no libc to tell by", LibcFlavour.UNKNOWN, lib.libc());
    }

    @Test
    public void withoutSectionHeadersGnuHash() throws Exception {
        assertSameLinkageWithoutSections(Fixtures.x8664());
        assertSameLinkageWithoutSections(Fixtures.aarch64());
        assertSameLinkageWithoutSections(Fixtures.bigEndian());
    }

    @Test
    public void withoutSectionHeadersSysvHash() throws Exception {
        assertSameLinkageWithoutSections(Fixtures.elf32());
    }

    /** Like sstrip: the loader's view (program headers) must give the same linkage as the sections. */
    private static void assertSameLinkageWithoutSections(Path p) throws Exception {
        ElfFile full = ElfReader.read(p);
        byte[] data = Fixtures.bytes(p);
        ElfLayout layout = new ElfLayout(data);
        layout.putWord(data, layout.shoffField(), 0);
        layout.putU16(data, layout.shnumField(), 0);
        layout.putU16(data, layout.shstrndxField(), 0);
        ElfFile stripped = ElfReader.read(data, "stripped");
        assertEquals(full.needed(), stripped.needed());
        assertEquals(full.soname(), stripped.soname());
        assertEquals(full.dynamicSymbols(), stripped.dynamicSymbols());
        assertEquals(full.versionNeeds(), stripped.versionNeeds());
        assertEquals(full.buildNote(), stripped.buildNote());
        assertTrue(stripped.symbolTable().isEmpty());
        assertTrue(stripped.notes().stream().anyMatch(n -> n.name().equals("nativebundle")));
        assertTrue(stripped.explainMissing("fixture_hidden").reason().contains("stripped"));
    }

    @Test
    public void systemLibraries() throws Exception {
        int found = 0;
        // only this machine's multiarch folder: a Debian host may also hold another architecture's
        // libraries (dpkg --add-architecture arm64 installs libc6:arm64 on x86-64)
        String triple = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElseThrow() == ElfMachine.AARCH64
                ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        for (String candidate : List.of("/lib/" + triple + "/libz.so.1", "/usr/lib/" + triple + "/libz.so.1",
                "/lib/" + triple + "/libc.so.6")) {
            Path p = Path.of(candidate);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            found++;
            ElfFile lib = ElfReader.read(p);
            assertEquals(ElfType.DYN, lib.type());
            assertEquals(64, lib.elfClass().bits());
            // a multiarch host (libc6:arm64 on x86-64) has the other machine's libraries too: each is its folder's
            assertEquals(candidate, candidate.contains("/aarch64-") ? ElfMachine.AARCH64 : ElfMachine.X86_64,
                    lib.machine());
            assertEquals(LibcFlavour.GLIBC, lib.libc());
            assertTrue(lib.dynamicSymbols().size() > 50);
            if (candidate.endsWith("libz.so.1")) {
                assertEquals("libz.so.1", lib.soname().orElseThrow());
                assertTrue(lib.needed().contains("libc.so.6"));
                assertEquals(SymbolType.FUNC, lib.exportedSymbol("inflate").orElseThrow().type());
                assertTrue(lib.highestGlibc().isPresent());
            } else {
                assertEquals("libc.so.6", lib.soname().orElseThrow());
                assertTrue(lib.exportedSymbol("malloc").isPresent());
                assertTrue(lib.exportedSymbol("memcpy").isPresent());
            }
        }
        assumeTrue("no system libz/libc found", found > 0);
    }

    @Test
    public void executableHasInterpreter() throws Exception {
        Path ls = Path.of("/bin/ls");
        assumeTrue(Files.isRegularFile(ls));
        ElfFile exe = ElfReader.read(ls);
        String interp = exe.interpreter().orElseThrow();
        assertTrue(interp, interp.contains("ld-linux") || interp.contains("ld-musl"));
        assertEquals(interp.contains("ld-musl") ? LibcFlavour.MUSL : LibcFlavour.GLIBC, exe.libc());
    }

    @Test
    public void missingFileIsAnIoError() {
        try {
            ElfReader.read(tmp.getRoot().toPath().resolve("absent.so"));
            fail();
        } catch (NoSuchFileException expected) {
            // not an ElfFormatException: nothing was read
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void emptyAndTextFiles() throws Exception {
        ElfFormatException e = ElfFormatAssert.rejects(new byte[0], "empty.so");
        assertEquals(0, e.offset());
        assertTrue(e.getMessage(), e.getMessage().startsWith("empty.so: truncated ELF"));
        e = ElfFormatAssert.rejects("#!/bin/sh\necho hi\n".getBytes(), "script.so");
        assertTrue(e.getMessage(), e.getMessage().contains("not an ELF file"));
        assertEquals("script.so", e.file());
    }

    @Test
    public void refusesFilesOverOneGibibyte() throws Exception {
        Path big = tmp.newFile("huge.so").toPath();
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ElfReader.MAX_FILE_SIZE + 1L); // sparse: no disk space, and never read
        }
        try {
            ElfReader.read(big);
            fail();
        } catch (ElfFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("1 GiB"));
            assertEquals(big.toString(), e.file());
        }
        assertFalse(Files.size(big) < ElfReader.MAX_FILE_SIZE);
    }
}
