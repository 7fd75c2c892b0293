package io.nativebundle.examples.abitest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Parameter;
import io.nativebundle.contract.SignatureParser;
import io.nativebundle.contract.StructField;
import io.nativebundle.contract.StructLayout;
import io.nativebundle.contract.SymbolsHeader;

/**
 * The contract's struct layout rule (natural C alignment, LP64: {@code StructLayout},
 * {@code CScalars}) against gcc, for every target of the build: x86-64 on this machine and
 * aarch64 through the cross compiler, where nothing runs. For each struct, C source with a
 * {@code _Static_assert} per size, alignment and field offset ({@link CLayoutAsserts}) must
 * compile with {@code gcc -c}: the structs abitest declares (as the bnd plugin wrote them into
 * this module's {@code NativeBundle-Symbols}, against abitest.h), the libc structs the itests
 * declare in descriptors (against glibc's own headers of each target), and awkward layouts
 * (against C definitions of the same fields).
 */
public class StructLayoutGccTest {

    /** The C type of each struct of AbiTest, as abitest.h defines it. */
    private static final Map<String, String> ABITEST = Map.of(
            "Point", "struct point", "Shape", "struct shape", "Sample", "struct sample");

    /** The structs of itests' LibcAbiTest descriptor, with the C type glibc declares for each. */
    private static final Map<String, String[]> LIBC = ordered(
            "div_t", new String[] {"div_t", "{ quot: int, rem: int } size=8"},
            "ldiv_t", new String[] {"ldiv_t", "{ quot: long, rem: long }"},
            "timeval", new String[] {"struct timeval", "{ tv_sec: long, tv_usec: long } size=16"},
            "utsname", new String[] {"struct utsname", "{ sysname: byte[65], nodename: byte[65], release: byte[65],"
                    + " version: byte[65], machine: byte[65], domainname: byte[65] } size=390"});

    /** Layouts where padding is easy to get wrong; later ones may use earlier ones. */
    private static final Map<String, String> AWKWARD = ordered(
            "char_double", "{ c: byte, d: double } size=16",
            "double_char", "{ d: double, c: byte } size=16",
            "shorts", "{ s: short[3] } size=6",
            "shorts_then_long", "{ s: short[3], l: long } size=16",
            "bytes_then_int", "{ name: byte[5], i: int } size=12",
            "char_short", "{ c: byte, s: short } size=4",
            "nested", "{ c: byte, inner: char_short[3], f: float, p: pointer, u: ubyte } size=40",
            "nested_double", "{ c: ubyte, cd: char_double, tail: ushort } size=32",
            "unsigned_mix", "{ a: ubyte, b: ushort, c: uint, d: ulong, e: boolean, f: float } size=24",
            "floats_then_double", "{ f: float[3], d: double[2] } size=32");

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void abitestsStructsAreLaidOutAsGccDoes() throws Exception {
        Map<String, StructLayout> layouts = abitestLayouts();
        assertEquals("every struct AbiTest declares, and only those, has a C type in abitest.h", ABITEST.keySet(),
                layouts.keySet());
        CLayoutAsserts c = new CLayoutAsserts("#include \"abitest.h\"");
        layouts.forEach((name, layout) -> c.check(ABITEST.get(name), layout));
        compilesForEveryTarget("abitest", c, "-I", Path.of("src/main/c").toAbsolutePath().toString());
    }

    @Test
    public void theLibcStructsTheItestsDeclareAreLaidOutAsGlibcDoes() throws Exception {
        CLayoutAsserts c = new CLayoutAsserts("#define _GNU_SOURCE", // utsname's domainname, not __domainname
                "#include <stdlib.h>", "#include <sys/time.h>", "#include <sys/utsname.h>");
        Map<String, StructLayout> parsed = new LinkedHashMap<>();
        LIBC.forEach((name, typeAndLayout) -> {
            StructLayout layout = SignatureParser.struct(name, typeAndLayout[1], parsed);
            parsed.put(name, layout);
            c.check(typeAndLayout[0], layout);
        });
        compilesForEveryTarget("libc", c);
    }

    @Test
    public void awkwardLayoutsAreLaidOutAsGccDoes() throws Exception {
        CLayoutAsserts c = new CLayoutAsserts();
        for (StructLayout layout : parse(AWKWARD).values()) {
            c.define(layout).check(CLayoutAsserts.generatedType(layout), layout);
        }
        compilesForEveryTarget("awkward", c);
    }

    /** The asserts do assert: a layout gcc does not share (a packed struct) stops every compiler, naming the field. */
    @Test
    public void aLayoutGccDoesNotShareFailsTheCompile() throws Exception {
        StructLayout contract = SignatureParser.struct("packed", "{ c: byte, d: double }", Map.of());
        String source = new CLayoutAsserts("struct packed { signed char c; double d; } __attribute__((packed));")
                .check("struct packed", contract).source();
        for (CCompiler compiler : CCompiler.ofBuildTargets()) {
            String failure = compiler.compile(tmp.getRoot().toPath(), "packed", source);
            assertNotNull(compiler + " compiled a packed struct against the contract's natural layout", failure);
            assertTrue(failure, failure.contains("struct packed (the contract's packed{c:byte,d:double}): d is not at 8"));
            assertTrue(failure, failure.contains("sizeof is not 16"));
        }
    }

    @Test
    public void aMissingCrossCompilerFailsSayingHowToInstallIt() throws Exception {
        CCompiler missing = new CCompiler("linux/aarch64", "aarch64-nativebundle-missing-gcc");
        AssertionError e = assertThrows(AssertionError.class,
                () -> missing.compile(tmp.getRoot().toPath(), "none", new CLayoutAsserts().source()));
        assertEquals("the C compiler for linux/aarch64, 'aarch64-nativebundle-missing-gcc', was not found on PATH, so"
                + " the contract's struct layouts cannot be checked for linux/aarch64.\n  Install it with"
                + " scripts/install-toolchain.sh (Debian/Ubuntu: apt-get install -y gcc-aarch64-linux-gnu"
                + " libc6-dev-arm64-cross),\n  or build for this machine only: -Dnativebundle.targets=host", e.getMessage());
    }

    @Test
    public void theTargetsAreTheBuildsHostAloneOrBoth() {
        String before = System.getProperty("nativebundle.targets");
        try {
            System.setProperty("nativebundle.targets", "host");
            assertEquals(List.of(new CCompiler(CCompiler.HOST, "gcc")), CCompiler.ofBuildTargets());
            System.clearProperty("nativebundle.targets");
            assertEquals(List.of("linux/x86-64", "linux/aarch64"),
                    CCompiler.ofBuildTargets().stream().map(CCompiler::target).toList());
            assertTrue(CCompiler.ofBuildTargets().contains(new CCompiler(CCompiler.HOST, "gcc")));
        } finally {
            if (before == null) {
                System.clearProperty("nativebundle.targets");
            } else {
                System.setProperty("nativebundle.targets", before);
            }
        }
    }

    private void compilesForEveryTarget(String name, CLayoutAsserts c, String... options) throws Exception {
        List<CCompiler> compilers = CCompiler.ofBuildTargets();
        assertTrue(compilers.toString(), !compilers.isEmpty());
        for (CCompiler compiler : compilers) {
            assertNull(c.source(), compiler.compile(tmp.getRoot().toPath(), name, c.source(), options));
        }
    }

    /** Every struct of this module's {@code NativeBundle-Symbols}, nested ones included, by name. */
    private static Map<String, StructLayout> abitestLayouts() throws Exception {
        Path manifest = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(manifest + " is written by bnd before the tests run", Files.isRegularFile(manifest));
        String header;
        try (InputStream in = Files.newInputStream(manifest)) {
            header = new Manifest(in).getMainAttributes().getValue("NativeBundle-Symbols");
        }
        assertNotNull("NativeBundle-Symbols in " + manifest, header);
        Map<String, StructLayout> layouts = new LinkedHashMap<>();
        for (DeclaredSymbol symbol : SymbolsHeader.parse(header)) {
            symbol.functionSignature().ifPresent(s -> {
                s.returnLayout().ifPresent(l -> collect(l, layouts));
                s.parameterList().stream().map(Parameter::layout).forEach(l -> l.ifPresent(x -> collect(x, layouts)));
            });
        }
        return layouts;
    }

    private static void collect(StructLayout layout, Map<String, StructLayout> into) {
        StructLayout before = into.putIfAbsent(layout.name(), layout);
        assertTrue("one layout per struct name: " + before + " and " + layout, before == null || before.equals(layout));
        layout.fields().stream().map(StructField::struct).forEach(s -> s.ifPresent(n -> collect(n, into)));
    }

    private static Map<String, StructLayout> parse(Map<String, String> declarations) {
        Map<String, StructLayout> parsed = new LinkedHashMap<>();
        declarations.forEach((name, text) -> parsed.put(name, SignatureParser.struct(name, text, parsed)));
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
