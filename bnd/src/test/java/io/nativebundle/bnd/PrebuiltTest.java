package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.nativebundle.bnd.fixture.MathLib;

/**
 * Libraries from another toolchain (cargo, CMake, Make) carry no build note. bnd.bnd says so with
 * {@code NativeBundle-Prebuilt: <toolchain>;abi=<version>}; only then is such a library accepted,
 * everything else is checked as for a compiled one, and the header stays in the manifest.
 */
public class PrebuiltTest {

    private static final String MATH = "math;version=1.2.0;interface=" + MathLib.class.getName();
    private static final String X86 = "native/linux/x86-64/libmath.so";
    private static final String ARM = "native/linux/aarch64/libmath.so";

    private static TestBundle noNote() {
        return TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath-nonote.so")
            .add(ARM, "aarch64", "libmath-nonote.so");
    }

    @Test
    public void aDeclaredPrebuiltLibraryWithoutNoteIsAcceptedForTheDeclaredAbi() throws Exception {
        TestBundle.Result result = noNote().set("NativeBundle-Prebuilt", "cmake;abi=1.0.0").build();

        assertEquals(List.of(), result.errors());
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
            + NativeBundlePluginTest.EXTENDER, NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
        assertEquals("the loader reads it from the manifest", "cmake;abi=1.0.0", result.header("NativeBundle-Prebuilt"));
        assertEquals(ARM + ";osname=Linux;processor=aarch64," + X86 + ";osname=Linux;processor=x86-64",
            result.header("Bundle-NativeCode"));
    }

    @Test
    public void theDeclaredAbiSetsTheRange() throws Exception {
        TestBundle.Result result = noNote().set("NativeBundle-Prebuilt", "cargo;abi=2.1.0").build();

        assertEquals(List.of(), result.errors());
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=2.1.0)(!(io.nativebundle.abi>=3.0.0)))\","
            + NativeBundlePluginTest.EXTENDER, NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
    }

    @Test
    public void aPrebuiltDeclarationNeedsAnAbi() throws Exception {
        TestBundle.Result result = noNote().set("NativeBundle-Prebuilt", "cargo").build();

        assertEquals(1, result.errorsWith("NativeBundle-Prebuilt: cargo needs the ABI its libraries target as a "
            + "version, e.g. cargo;abi=1.0.0; found no abi").size());
        TestBundle.Result bad = noNote().set("NativeBundle-Prebuilt", "cargo;abi=one").build();
        assertEquals(bad.errors().toString(), 1, bad.errorsWith("found abi=one").size());
    }

    @Test
    public void aBuildNoteThatContradictsTheDeclaredAbiFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath.so")
            .set("NativeBundle-Prebuilt", "cmake;abi=2.0.0")
            .build();

        assertEquals(List.of("NativeBundle-Prebuilt: " + X86 + " (linux/x86-64) has a build note for ABI 1.0.0, but "
            + "abi=2.0.0 is declared"), result.errors());
    }

    @Test
    public void aSystemLibraryCannotBePrebuilt() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("z;system=libz.so.1;version=\"[1.2,2)\"")
            .set("-nativebundle-symbols", "zlibVersion;signature=\"()string\"")
            .set("NativeBundle-Prebuilt", "cmake;abi=1.0.0")
            .build();

        assertEquals(List.of("NativeBundle-Library: library 'z' comes from the host (system=libz.so.1); "
            + "NativeBundle-Prebuilt applies to libraries in the bundle"), result.errors());
    }
}
