package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;

import aQute.bnd.header.Parameters;
import io.nativebundle.bnd.fixture.MathLib;

/** The headers the plugin writes for a well-formed native bundle. */
public class NativeBundlePluginTest {

    private static final String MATH = "math;version=1.2.0;interface=" + MathLib.class.getName();
    private static final String X86 = "native/linux/x86-64/libmath.so";
    private static final String ARM = "native/linux/aarch64/libmath.so";

    private static TestBundle math() {
        return TestBundle.create()
            .library(MATH)
            .set("-nativebundle-symbols", "counter;kind=variable;type=int, raw_fn;signature=\"(pointer,long)int\"")
            .add(X86, "x86-64", "libmath.so")
            .add(ARM, "aarch64", "libmath.so");
    }

    @Test
    public void writesNativeCodeWithOneClausePerPlatform() throws Exception {
        TestBundle.Result result = math().build();

        assertEquals(List.of(), result.errors());
        assertEquals(ARM + ";osname=Linux;processor=aarch64," + X86 + ";osname=Linux;processor=x86-64",
            result.header("Bundle-NativeCode"));
    }

    @Test
    public void writesTheSha256OfEveryNativeFile() throws Exception {
        TestBundle.Result result = math().build();

        String arm = sha256(TestBundle.fixture("aarch64", "libmath.so"));
        String x86 = sha256(TestBundle.fixture("x86-64", "libmath.so"));
        assertEquals(ARM + ";sha256=" + arm + ", " + X86 + ";sha256=" + x86, result.header("NativeBundle-Digest"));
        assertTrue(arm.matches("[0-9a-f]{64}"));
    }

    @Test
    public void writesTheSymbolsOfTheInterfaceAndTheInstruction() throws Exception {
        TestBundle.Result result = math().build();

        assertEquals("add;signature=\"(int,int)int\", "
            + "multiply;signature=\"(int,int)int\", "
            + "greet;signature=\"(string)string\", "
            + "length;signature=\"(string)int\", "
            + "scale;signature=\"(double,float)double\", "
            + "sum;signature=\"(pointer,ulong)long\", "
            + "checksum;signature=\"(buffer,ulong)int\", "
            + "fill;signature=\"(buffer,int)int\", "
            + "widen;signature=\"(byte)short\", "
            + "is_even;signature=\"(long)boolean\", "
            + "to_address;signature=\"(pointer)pointer\", "
            + "reset;signature=\"()void\", "
            + "counter;kind=variable;type=int, "
            + "raw_fn;signature=\"(pointer,long)int\"", result.header("NativeBundle-Symbols"));
    }

    @Test
    public void requiresTheAbiOfTheBuildNoteAndProvidesTheLibrary() throws Exception {
        TestBundle.Result result = math().build();

        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
            + EXTENDER, withoutEe(result.header("Require-Capability")));
        assertEquals("io.nativebundle.library;io.nativebundle.library=math;version:Version=\"1.2.0\"",
            result.header("Provide-Capability"));
        assertEquals(MATH, result.header("NativeBundle-Library"));
    }

    @Test
    public void importsWhatTheJnrGeneratedClassNeeds() throws Exception {
        TestBundle.Result result = math().build();

        Parameters imports = result.imports();
        for (String pkg : List.of("jnr.ffi", "jnr.ffi.byref", "jnr.ffi.mapper", "jnr.ffi.provider",
                "jnr.ffi.provider.converters", "jnr.ffi.provider.jffi", "com.kenai.jffi")) {
            assertTrue(pkg + " in " + imports, imports.containsKey(pkg));
        }
        // jnr.ffi.types comes from the interface's own annotations and must stay
        assertTrue(imports.toString(), imports.containsKey("jnr.ffi.types"));
    }

    @Test
    public void anExportedInterfacePackageIsAlsoImportedSoAnUpdateKeepsConsumersBound() throws Exception {
        TestBundle.Result result = math()
            .set("-privatepackage", "")
            .set("-exportcontents", "io.nativebundle.bnd.fixture;version=1.2.0")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("[1.2,2)", result.imports().get("io.nativebundle.bnd.fixture").get("version"));
        assertEquals("1.2.0", new Parameters(result.header("Export-Package")).get("io.nativebundle.bnd.fixture")
            .get("version"));
    }

    @Test
    public void aPrivateInterfacePackageIsNotImported() throws Exception {
        TestBundle.Result result = math().build();

        assertEquals(List.of(), result.errors());
        assertEquals(null, result.imports().get("io.nativebundle.bnd.fixture"));
    }

    @Test
    public void nativeFoldersAreNotListedAsPackages() throws Exception {
        TestBundle.Result result = math().build();

        assertEquals("io.nativebundle.bnd.fixture", result.header("Private-Package"));
    }

    @Test
    public void platformThatIsNotElfIsPackedButNotInspected() throws Exception {
        TestBundle.Result result = math()
            .add("native/macos/aarch64/libmath.dylib", "not ELF: a Mach-O file here".getBytes())
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("Bundle-NativeCode: native/macos/aarch64/ holds macos binaries, which the plugin cannot "
            + "read; their digests are written but their symbols and build note are not checked"), result.warnings());
        assertEquals(ARM + ";osname=Linux;processor=aarch64," + X86 + ";osname=Linux;processor=x86-64,"
            + "native/macos/aarch64/libmath.dylib;osname=MacOSX;processor=aarch64", result.header("Bundle-NativeCode"));
        assertTrue(result.header("NativeBundle-Digest"), result.header("NativeBundle-Digest")
            .endsWith(", native/macos/aarch64/libmath.dylib;sha256=" + io.nativebundle.contract.Sha256.of(
                "not ELF: a Mach-O file here".getBytes())));
    }

    @Test
    public void handWrittenGeneratedHeadersAreReplacedWithAWarning() throws Exception {
        TestBundle.Result result = math()
            .set("Bundle-NativeCode", "native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64")
            .set("Provide-Capability", "io.nativebundle.library;io.nativebundle.library=math;version:Version=9")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(ARM + ";osname=Linux;processor=aarch64," + X86 + ";osname=Linux;processor=x86-64",
            result.header("Bundle-NativeCode"));
        assertEquals("io.nativebundle.library;io.nativebundle.library=math;version:Version=\"1.2.0\"",
            result.header("Provide-Capability"));
        assertEquals(2, result.warnings().size());
    }

    private static String sha256(File file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file.toPath())));
    }

    /** bnd adds the osgi.ee requirement of the class files; it is not the plugin's business. */
    /** The requirement on the nativebundle extender every native bundle gets. */
    static final String EXTENDER = "osgi.extender;filter:=\"(&(osgi.extender=io.nativebundle)(version>=1.0.0)(!(version>=2.0.0)))\"";

    static String withoutEe(String requireCapability) {
        Parameters p = new Parameters(requireCapability, null, true);
        p.keySet().removeIf(k -> k.startsWith("osgi.ee"));
        return p.toString();
    }
}
