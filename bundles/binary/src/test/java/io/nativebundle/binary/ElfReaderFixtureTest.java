package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.nativebundle.binary.SymbolVisibilityReport.Status;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Reads the fixture library that the build compiles from src/test/c/fixture.c, for both targets. */
@RunWith(Parameterized.class)
public class ElfReaderFixtureTest {

    private static ElfFile x8664;
    private static ElfFile aarch64;

    private final String arch;

    public ElfReaderFixtureTest(String arch) {
        this.arch = arch;
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> arches() {
        return Arrays.asList(new Object[][] {{"x86-64"}, {"aarch64"}});
    }

    @BeforeClass
    public static void read() throws Exception {
        x8664 = ElfReader.read(Fixtures.x8664());
        aarch64 = ElfReader.read(Fixtures.aarch64());
    }

    private ElfFile lib() {
        return arch.equals("x86-64") ? x8664 : aarch64;
    }

    @Test
    public void platform() {
        assertEquals(arch.equals("x86-64") ? ElfMachine.X86_64 : ElfMachine.AARCH64, lib().machine());
        assertEquals(arch, lib().machine().osgiProcessor());
        assertEquals(ElfClass.ELF64, lib().elfClass());
        assertEquals(64, lib().elfClass().bits());
        assertEquals(ByteOrder.LITTLE_ENDIAN, lib().byteOrder());
        assertEquals(ElfType.DYN, lib().type());
        assertEquals(0, lib().osAbi());
    }

    @Test
    public void nameIsThePath() {
        Path expected = arch.equals("x86-64") ? Fixtures.x8664() : Fixtures.aarch64();
        assertEquals(expected.toString(), lib().name());
    }

    @Test
    public void dynamicSection() {
        assertEquals("libfixture.so.1", lib().soname().orElseThrow());
        assertEquals(List.of("libm.so.6", "libc.so.6"), lib().needed());
        assertTrue(lib().runpath().isEmpty());
        assertTrue(lib().rpath().isEmpty());
        assertTrue("a shared library has no PT_INTERP", lib().interpreter().isEmpty());
    }

    @Test
    public void exportedSymbols() {
        ElfSymbol add = lib().exportedSymbol("fixture_add").orElseThrow();
        assertEquals(SymbolType.FUNC, add.type());
        assertEquals(SymbolBinding.GLOBAL, add.binding());
        assertEquals(SymbolVisibility.DEFAULT, add.visibility());
        assertTrue(add.defined());
        assertTrue(add.value() != 0);
        assertTrue(add.size() > 0);

        ElfSymbol counter = lib().exportedSymbol("fixture_counter").orElseThrow();
        assertEquals(SymbolType.OBJECT, counter.type());
        assertEquals(4, counter.size());

        assertEquals(SymbolType.FUNC, lib().exportedSymbol("fixture_pow").orElseThrow().type());
        assertEquals(SymbolType.FUNC, lib().exportedSymbol("fixture_alloc").orElseThrow().type());
        assertTrue("nativebundle_info survives -fvisibility=hidden",
                lib().exportedSymbol("nativebundle_info").isPresent());
    }

    @Test
    public void notExported() {
        assertFalse(lib().exportedSymbol("fixture_hidden").isPresent());
        assertFalse(lib().exportedSymbol("fixture_static_helper").isPresent());
        assertFalse("an undefined reference is not an export", lib().exportedSymbol("pow").isPresent());
        assertTrue(lib().dynamicSymbols().stream().anyMatch(s -> s.name().equals("pow") && !s.defined()));
        ElfSymbol first = lib().dynamicSymbols().get(0);
        assertFalse("the null symbol at index 0 is left out", first.name().isEmpty() && !first.defined()
                && first.type() == SymbolType.NOTYPE && first.value() == 0);
    }

    @Test
    public void symbolTableIsPresentBecauseNotStripped() {
        assertTrue(lib().symbolTable().stream().anyMatch(s -> s.name().equals("fixture_static_helper")
                && s.binding() == SymbolBinding.LOCAL && s.type() == SymbolType.FUNC));
        assertTrue("version suffixes are dropped from .symtab names",
                lib().symbolTable().stream().anyMatch(s -> s.name().equals("pow")));
    }

    @Test
    public void explainExported() {
        SymbolVisibilityReport r = lib().explainMissing("fixture_add");
        assertEquals(Status.EXPORTED, r.status());
        assertEquals("fixture_add", r.symbol());
    }

    @Test
    public void explainHidden() {
        SymbolVisibilityReport r = lib().explainMissing("fixture_hidden");
        assertEquals(r.reason(), Status.HIDDEN, r.status());
        assertTrue(r.reason(), r.reason().contains("-fvisibility=hidden"));
        assertTrue(r.reason(), r.reason().contains("visibility(\"default\")"));
        assertTrue(r.reason(), r.reason().contains(lib().name()));
    }

    @Test
    public void explainStatic() {
        SymbolVisibilityReport r = lib().explainMissing("fixture_static_helper");
        assertEquals(r.reason(), Status.LOCAL, r.status());
        assertTrue(r.reason(), r.reason().contains("static"));
    }

    @Test
    public void explainUndefined() {
        SymbolVisibilityReport r = lib().explainMissing("pow");
        assertEquals(r.reason(), Status.UNDEFINED, r.status());
        assertTrue(r.reason(), r.reason().contains("libm.so.6"));
    }

    @Test
    public void explainAbsent() {
        SymbolVisibilityReport r = lib().explainMissing("no_such_symbol");
        assertEquals(Status.ABSENT, r.status());
        assertTrue(r.reason(), r.reason().contains("no_such_symbol"));
        assertTrue(lib().explainMissing("FIXTURE_ADD").reason().contains("did you mean 'fixture_add'"));
    }

    @Test
    public void versionNeeds() {
        assertEquals(List.of("GLIBC_2.29"), lib().versionNeeds().get("libm.so.6"));
        List<String> libc = lib().versionNeeds().get("libc.so.6");
        assertTrue(String.valueOf(libc), libc.contains("GLIBC_2.26"));
        String base = arch.equals("x86-64") ? "GLIBC_2.2.5" : "GLIBC_2.17";
        assertTrue(base + " in " + libc, libc.contains(base));
        assertEquals(List.of("libm.so.6", "libc.so.6"), List.copyOf(lib().versionNeeds().keySet()));
    }

    @Test
    public void highestGlibc() {
        GlibcVersion v = lib().highestGlibc().orElseThrow();
        assertEquals(new GlibcVersion(2, 29, 0), v);
        GlibcVersion floor = arch.equals("x86-64") ? new GlibcVersion(2, 2, 5) : new GlibcVersion(2, 17, 0);
        assertTrue(v.compareTo(floor) >= 0);
        assertEquals("2.29", v.toString());
    }

    @Test
    public void libc() {
        assertEquals(LibcFlavour.GLIBC, lib().libc());
    }

    @Test
    public void buildNote() {
        BuildNote note = lib().buildNote().orElseThrow();
        assertEquals("fixture", note.library());
        assertEquals("1.2.3", note.version());
        assertEquals("1.0.0", note.abi());
        assertTrue(note.compiler(), note.compiler().matches("gcc \\d+\\.\\d+.*"));
    }

    @Test
    public void notes() {
        assertTrue(lib().notes().stream().anyMatch(n -> n.name().equals("GNU") && n.type() == 3));
        ElfNote nb = lib().notes().stream().filter(n -> n.name().equals("nativebundle")).findFirst().orElseThrow();
        assertEquals(1, nb.type());
        String text = new String(nb.descriptor(), StandardCharsets.US_ASCII);
        assertTrue(text, text.startsWith("library=fixture\0version=1.2.3\0abi=1.0.0\0compiler="));
        assertTrue(text.endsWith("\0"));
    }

    @Test
    public void readFromBytesEqualsReadFromFile() throws Exception {
        Path p = arch.equals("x86-64") ? Fixtures.x8664() : Fixtures.aarch64();
        ElfFile fromBytes = ElfReader.read(Fixtures.bytes(p), "native/linux/" + arch + "/libfixture.so");
        assertEquals("native/linux/" + arch + "/libfixture.so", fromBytes.name());
        assertEquals(lib().dynamicSymbols(), fromBytes.dynamicSymbols());
        assertEquals(lib().symbolTable(), fromBytes.symbolTable());
        assertEquals(lib().notes(), fromBytes.notes());
        assertEquals(lib().versionNeeds(), fromBytes.versionNeeds());
    }

    @Test
    public void resultIsImmutable() {
        assertUnsupported(() -> lib().needed().add("x"));
        assertUnsupported(() -> lib().dynamicSymbols().clear());
        assertUnsupported(() -> lib().versionNeeds().put("x", List.of()));
        assertUnsupported(() -> lib().versionNeeds().get("libc.so.6").add("x"));
        byte[] d = lib().notes().get(0).descriptor();
        d[0] ^= 1;
        assertFalse(Arrays.equals(d, lib().notes().get(0).descriptor()));
    }

    private static void assertUnsupported(Runnable r) {
        try {
            r.run();
        } catch (UnsupportedOperationException expected) {
            return;
        }
        throw new AssertionError("expected an unmodifiable collection");
    }
}
