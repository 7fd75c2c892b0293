package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import io.nativebundle.bnd.fixture.GreeterLib;
import io.nativebundle.bnd.fixture.MathLib;

/** The files in the platform folders: machine, format, build note, layout. */
public class BinaryCheckTest {

    private static final String MATH = "math;version=1.2.0;interface=" + MathLib.class.getName();
    private static final String X86 = "native/linux/x86-64/libmath.so";
    private static final String ARM = "native/linux/aarch64/libmath.so";

    @Test
    public void binaryOfAnotherMachineInAPlatformFolderFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "aarch64", "libmath.so")
            .build();

        assertEquals(List.of("Bundle-NativeCode: " + X86 + " is in the linux/x86-64 folder but is built for another "
            + "machine: expected x86-64, found aarch64"), result.errors());
    }

    @Test
    public void nonElfFileFailsWithTheReadersMessage() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "not a library\n".getBytes())
            .build();

        assertEquals(result.errors().toString(), 1, result.errors().size());
        String error = result.errors().get(0);
        assertTrue(error, error.startsWith("Bundle-NativeCode: " + X86 + " (linux/x86-64) is not a readable ELF "
            + "shared library: " + X86 + ": "));
    }

    @Test
    public void truncatedElfFailsWithTheReadersMessage() throws Exception {
        byte[] whole = Files.readAllBytes(TestBundle.fixture("x86-64", "libmath.so").toPath());
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, Arrays.copyOf(whole, 200))
            .build();

        assertEquals(result.errors().toString(), 1, result.errors().size());
        assertTrue(result.errors().get(0), result.errors().get(0).startsWith("Bundle-NativeCode: " + X86
            + " (linux/x86-64) is not a readable ELF shared library: " + X86 + ": "));
    }

    @Test
    public void elfFileThatIsNotASharedLibraryFails() throws Exception {
        byte[] executable = Files.readAllBytes(TestBundle.fixture("x86-64", "libmath.so").toPath());
        executable[16] = 2; // e_type (little-endian): ET_DYN (3) becomes ET_EXEC (2)
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, executable)
            .build();

        assertEquals(List.of("Bundle-NativeCode: " + X86 + " (linux/x86-64) is not a shared library: expected ELF "
            + "type DYN, found EXEC; link it with -shared"), result.errors());
    }

    @Test
    public void buildNoteVersionMustMatchTheHeader() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath.so")
            .add(ARM, "aarch64", "libmath-v13.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: " + ARM + " (linux/aarch64): the build note's version does not "
            + "match the header: expected '1.2.0' (NativeBundle-Library), found '1.3.0' (NATIVEBUNDLE_LIBRARY in the "
            + "C sources)"), result.errors());
    }

    @Test
    public void buildNoteLibraryNameMustMatchTheHeader() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("calc;version=1.2.0")
            .set("-nativebundle-symbols", "add;signature=\"(int,int)int\"")
            .add("native/linux/x86-64/libcalc.so", "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: native/linux/x86-64/libcalc.so (linux/x86-64): the build note's "
            + "library name does not match the header: expected 'calc' (NativeBundle-Library), found 'math' "
            + "(NATIVEBUNDLE_LIBRARY in the C sources)"), result.errors());
    }

    @Test
    public void libraryWithoutBuildNoteFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath-nonote.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: " + X86 + " (linux/x86-64) has no nativebundle build note; add "
            + "NATIVEBUNDLE_LIBRARY(\"math\", \"1.2.0\", \"<abi version>\") from nativebundle.h to one of its C files, "
            + "or, for a library another toolchain built, declare the ABI it targets in bnd.bnd: "
            + "NativeBundle-Prebuilt: <toolchain>;abi=<abi version>"),
            result.errors());
        assertEquals("no ABI requirement", NativeBundlePluginTest.EXTENDER,
            NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
    }

    @Test
    public void platformsMustAgreeOnTheAbi() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath.so")
            .add(ARM, "aarch64", "libmath-abi2.so")
            .build();

        assertEquals(List.of("NativeBundle-Library: the platforms disagree on the ABI version, so no single ABI "
            + "requirement fits: 1.0.0 in " + X86 + " (linux/x86-64); 2.1.0 in " + ARM + " (linux/aarch64)"),
            result.errors());
    }

    @Test
    public void abiRangeRunsFromTheNotesVersionToTheNextMajor() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath-abi2.so")
            .add(ARM, "aarch64", "libmath-abi2.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=2.1.0)(!(io.nativebundle.abi>=3.0.0)))\","
            + NativeBundlePluginTest.EXTENDER, NativeBundlePluginTest.withoutEe(result.header("Require-Capability")));
    }

    @Test
    public void dependencyInThePlatformFolderSharesTheClauseAfterTheMainLibrary() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library("greeter;version=1.0.0;interface=" + GreeterLib.class.getName())
            .add("native/linux/x86-64/libfmt.so", "x86-64", "libfmt.so")
            .add("native/linux/x86-64/libgreeter.so", "x86-64", "libgreeter.so")
            .add("native/linux/aarch64/libfmt.so", "aarch64", "libfmt.so")
            .add("native/linux/aarch64/libgreeter.so", "aarch64", "libgreeter.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("native/linux/aarch64/libgreeter.so;native/linux/aarch64/libfmt.so;osname=Linux;processor=aarch64,"
            + "native/linux/x86-64/libgreeter.so;native/linux/x86-64/libfmt.so;osname=Linux;processor=x86-64",
            result.header("Bundle-NativeCode"));
        assertEquals(List.of("native/linux/aarch64/libgreeter.so", "native/linux/aarch64/libfmt.so",
            "native/linux/x86-64/libgreeter.so", "native/linux/x86-64/libfmt.so"),
            Arrays.stream(result.header("NativeBundle-Digest").split(", "))
                .map(clause -> clause.substring(0, clause.indexOf(";sha256=")))
                .toList());
    }

    @Test
    public void architectureFolderMustUseTheOsgiProcessorName() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add("native/linux/arm64/libmath.so", "aarch64", "libmath.so")
            .build();

        assertEquals(1, result.errorsWith("native/linux/arm64/libmath.so", "'arm64'", "name it 'aarch64'").size());
    }

    @Test
    public void fileOutsideAPlatformFolderFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath.so")
            .add("native/libmath.so", "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("Bundle-NativeCode: native/libmath.so is not in a platform folder; put native files under "
            + "native/<os>/<arch>/, e.g. native/linux/x86-64/"), result.errors());
    }
}
