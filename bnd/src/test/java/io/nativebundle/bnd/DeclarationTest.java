package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.bnd.fixture.BadTypeLib;
import io.nativebundle.bnd.fixture.CounterLib;
import io.nativebundle.bnd.fixture.MathLib;
import io.nativebundle.bnd.fixture.ZlibLike;
import io.nativebundle.contract.TypeName;

/** What the author declares: NativeBundle-Library, the interface, -nativebundle-symbols. */
public class DeclarationTest {

    private static final String X86 = "native/linux/x86-64/libmath.so";

    @Test
    public void unknownJavaTypeFailsNamingTheMethodAndType() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + BadTypeLib.class.getName())
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Symbols: method " + BadTypeLib.class.getName()
            + ".divide(java.math.BigDecimal,int): parameter 1 has type java.math.BigDecimal, which has no native "
            + "mapping; supported: " + JavaTypes.SUPPORTED), result.errors());
    }

    @Test
    public void variableAndInheritedMethodsComeFromTheInterface() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + CounterLib.class.getName())
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("counter;kind=variable;type=int, limit;signature=\"()int\", add;signature=\"(int,int)int\"",
            result.header("NativeBundle-Symbols"));
    }

    @Test
    public void missingInterfaceFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=org.example.NoSuchLib")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: interface org.example.NoSuchLib is neither in the bundle nor on "
            + "its build path"), result.errors());
    }

    @Test
    public void extraSymbolConflictingWithTheInterfaceFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + MathLib.class.getName())
            .set("-nativebundle-symbols", "add;signature=\"(long,long)long\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("-nativebundle-symbols: symbol 'add' (function (long,long)long) conflicts with "
            + MathLib.class.getName() + ".add(int,int) (function (int,int)int)"), result.errors());
    }

    @Test
    public void malformedSymbolInstructionFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0")
            .set("-nativebundle-symbols", "add;signature=\"(int,complex)int\", counter;kind=variable")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(
            "-nativebundle-symbols: function 'add': signature '(int,complex)int', column 6: unknown parameter type "
                + "'complex'; expected one of " + TypeName.vocabulary(),
            "-nativebundle-symbols: variable 'counter' has no type; write counter;kind=variable;type=int"),
            result.errors());
    }

    @Test
    public void libraryVersionMustBeExact() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=\"[1.2,2)\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: version '[1.2,2)' of library 'math' is not an OSGi version; "
            + "expected major.minor.micro, e.g. 1.2.0 (a bundled library is one exact build)"), result.errors());
        assertNull(result.header("Bundle-NativeCode"));
    }

    @Test
    public void aPlusInTheLibraryNameFailsTheBuildAsTheLoaderWouldRefuseIt() throws Exception {
        // bnd used to accept '+' and the loader refused the bundle with MALFORMED_HEADER; one rule decides now
        TestBundle.Result result = TestBundle.create()
            .library("stdc++;version=1.2.0")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: library name 'stdc++' must be letters, digits, '_', '.' or '-', "
            + "starting with a letter or digit"), result.errors());
        assertNull(result.header("Bundle-NativeCode"));
        assertNull(result.header("Provide-Capability"));
    }

    @Test
    public void aTenantTheLoaderWouldRefuseFailsTheBuild() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=1.2")
            .set("NativeBundle-Tenant", "Acme")
            .build();

        assertEquals(List.of("NativeBundle-Tenant: tenant id 'Acme' contains 'A' at position 1; only lowercase "
            + "letters a-z, digits 0-9 and '-' are allowed; the loader would refuse the bundle as TENANT_REFUSED"),
            result.errors());
    }

    @Test
    public void anUnknownLibraryAttributeIsAWarning() throws Exception {
        // isolation= (issue 17) and export= (issue 20) were the example until they became known
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=1.2;replicas=3")
            .set("-nativebundle-symbols", "zlibVersion;signature=\"()string\"")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("NativeBundle-Library: unknown attribute 'replicas' of library 'z' is ignored (known: "
            + "version, interface, system, version-symbol, sha256, isolation, timeout, max-address-space, "
            + "max-cpu-time, export)"), result.warnings());
    }

    @Test
    public void exportRemotePassesThroughAndABadExportFailsTheBuild() throws Exception {
        TestBundle.Result exported = TestBundle.create()
            .library("math;version=1.2.0;export=remote")
            .set("-nativebundle-symbols", "add;signature=\"(int,int)int\"")
            .add(X86, "x86-64", "libmath.so")
            .build();
        assertEquals(List.of(), exported.errors());
        assertEquals(List.of(), exported.warnings());
        assertEquals("math;version=1.2.0;export=remote", exported.header("NativeBundle-Library"));

        TestBundle.Result bad = TestBundle.create()
            .library("math;version=1.2.0;export=everywhere")
            .set("-nativebundle-symbols", "add;signature=\"(int,int)int\"")
            .add(X86, "x86-64", "libmath.so")
            .build();
        assertEquals(List.of("NativeBundle-Library: export 'everywhere' of library 'math' is neither remote or none"),
            bad.errors());
    }

    @Test
    public void isolationTimeoutAndLimitsPassThroughAndASymbolOfTheInterfaceGetsItsTimeout() throws Exception {
        String library = "math;version=1.2.0;interface=" + CounterLib.class.getName()
            + ";isolation=process;timeout=2s;max-address-space=256m;max-cpu-time=30s";
        TestBundle.Result result = TestBundle.create()
            .library(library)
            .set("-nativebundle-symbols", "add;signature=\"(int,int)int\";timeout=250ms")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        assertEquals(library, result.header("NativeBundle-Library"));
        assertEquals("counter;kind=variable;type=int, limit;signature=\"()int\", add;signature=\"(int,int)int\";"
            + "timeout=250ms", result.header("NativeBundle-Symbols"));
    }

    @Test
    public void aBadIsolationFailsTheBuildAsTheLoaderWouldRefuseIt() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;isolation=sandbox")
            .set("-nativebundle-symbols", "add;signature=\"(int,int)int\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: isolation 'sandbox' of library 'math' is neither process or "
            + "in-process"), result.errors());
    }

    @Test
    public void systemLibraryGetsSymbolsAndCapabilityButNoNativeCode() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=\"[1.2,2)\"")
            .set("-nativebundle-symbols",
                "zlibVersion;signature=\"()string\", crc32;signature=\"(long,buffer,int)long\"")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("zlibVersion;signature=\"()string\", crc32;signature=\"(long,buffer,int)long\"",
            result.header("NativeBundle-Symbols"));
        assertEquals("io.nativebundle.library;io.nativebundle.library=z;version:Version=\"1.2.0\"",
            result.header("Provide-Capability"));
        assertNull(result.header("Bundle-NativeCode"));
        assertNull(result.header("NativeBundle-Digest"));
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
            + "osgi.native;filter:=\"(osgi.native.osname~=Linux)\"," + NativeBundlePluginTest.EXTENDER,
            NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
    }

    @Test
    public void systemLibraryInterfaceMapsBuffersAndByReferenceLengths() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=\"[1.2,2)\";version-symbol=zlibVersion;interface="
                + ZlibLike.class.getName())
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("crc32;signature=\"(long,buffer,int)long\", "
            + "uncompress;signature=\"(buffer,pointer,buffer,long)int\", zlibVersion;signature=\"()string\"",
            result.header("NativeBundle-Symbols"));
        assertTrue(result.imports().containsKey("jnr.ffi.provider.jffi"));
    }

    @Test
    public void systemLibraryAcceptsVersionSymbolAndAllowList() throws Exception {
        String digest = "ab".repeat(32);
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=\"[1.2,2)\";version-symbol=zlibVersion;sha256=\"" + digest + ","
                + digest.toUpperCase() + "\"")
            .set("-nativebundle-symbols", "zlibVersion;signature=\"()string\"")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    public void systemLibraryRefusesAPathABadDigestAndABadVersionSymbol() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=/usr/lib/libz.so.1;version=\"[1.2,2)\";version-symbol=\"zlib Version\";sha256=beef")
            .build();

        assertEquals(List.of(
            "NativeBundle-Library: system=/usr/lib/libz.so.1 of library 'z' is a path; expected a file name without "
                + "'/', e.g. libz.so.1, which the loader looks up on the host's default library search path",
            "NativeBundle-Library: version-symbol 'zlib Version' of library 'z' is not a C identifier; expected the "
                + "name of a function like zlibVersion",
            "NativeBundle-Library: sha256 'beef' of library 'z' is not a SHA-256; expected 64 hex digits, several "
                + "separated by commas"), result.errors());
    }

    @Test
    public void versionSymbolOfABundledLibraryFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;version-symbol=math_version")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: version-symbol= applies to a system library only; library "
            + "'math' has no system="), result.errors());
    }

    @Test
    public void bundleWithoutHeaderOrNativeFilesIsLeftAlone() throws Exception {
        TestBundle.Result result = TestBundle.create().build();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        for (String header : List.of("Bundle-NativeCode", "NativeBundle-Digest", "NativeBundle-Symbols",
            "Provide-Capability")) {
            assertNull(header, result.header(header));
        }
        assertEquals("", NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
        assertFalse(result.imports().containsKey("com.kenai.jffi"));
    }

    @Test
    public void nativeFilesWithoutHeaderFail() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: the bundle has native files under native/ but no "
            + "NativeBundle-Library header; declare the library, e.g. NativeBundle-Library: "
            + "math;version=1.2.0;interface=org.example.MathLib"), result.errors());
    }

    @Test
    public void existingCapabilitiesAreKept() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + MathLib.class.getName())
            .set("Provide-Capability", "example.feature;example.feature=fast")
            .set("Require-Capability", "osgi.extender;filter:=\"(osgi.extender=osgi.component)\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("example.feature;example.feature=fast,"
            + "io.nativebundle.library;io.nativebundle.library=math;version:Version=\"1.2.0\"",
            result.header("Provide-Capability"));
        assertEquals("osgi.extender;filter:=\"(osgi.extender=osgi.component)\","
            + "io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
            + NativeBundlePluginTest.EXTENDER, NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
        assertEquals("the other extender's requirement is kept", List.of(), result.warnings());
    }

    @Test
    public void anExtenderRequirementForNativebundleWrittenByHandIsReplaced() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + MathLib.class.getName())
            .set("Require-Capability", "osgi.extender;filter:=\"(osgi.extender=io.nativebundle)\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
            + NativeBundlePluginTest.EXTENDER, NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0), result.warnings().get(0).startsWith("Require-Capability: the "
            + "osgi.extender clause is written by the nativebundle plugin; remove it from bnd.bnd"));
    }

    @Test
    public void authorsImportInstructionStillApplies() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("math;version=1.2.0;interface=" + MathLib.class.getName())
            .set("Import-Package", "!com.kenai.jffi, *")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertFalse(result.imports().containsKey("com.kenai.jffi"));
        assertTrue(result.imports().containsKey("jnr.ffi.provider.jffi"));
    }

    @Test
    public void pluginLoadsByClassNameLikeInAPom() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .pluginByName()
            .library("math;version=1.2.0;interface=" + MathLib.class.getName())
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals(X86 + ";osname=Linux;processor=x86-64", result.header("Bundle-NativeCode"));
        assertTrue(result.imports().containsKey("com.kenai.jffi"));
    }
}
