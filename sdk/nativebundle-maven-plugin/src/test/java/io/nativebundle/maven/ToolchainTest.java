package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ToolchainTest {

    private static final TargetPlatform X86_64_ON_X86_64 = TargetPlatform.parse("linux/x86-64", "amd64");
    private static final TargetPlatform AARCH64_ON_X86_64 = TargetPlatform.parse("linux/aarch64", "amd64");
    private static final TargetPlatform X86_64_ON_AARCH64 = TargetPlatform.parse("linux/x86-64", "aarch64");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theHostGetsThePlainDriverAndAnotherTargetTheCrossOne() {
        assertEquals("gcc", Toolchain.defaultCompiler(Language.C, X86_64_ON_X86_64));
        assertEquals("aarch64-linux-gnu-gcc", Toolchain.defaultCompiler(Language.C, AARCH64_ON_X86_64));
        assertEquals("x86_64-linux-gnu-g++", Toolchain.defaultCompiler(Language.CXX, X86_64_ON_AARCH64));
        assertEquals("gcc-aarch64-linux-gnu", Toolchain.debianPackage(Language.C, AARCH64_ON_X86_64));
        assertEquals("g++-x86-64-linux-gnu", Toolchain.debianPackage(Language.CXX, X86_64_ON_AARCH64));
        assertEquals("CC_AARCH64", Toolchain.variable(Language.C, AARCH64_ON_X86_64));
        assertEquals("CXX_X86_64", Toolchain.variable(Language.CXX, X86_64_ON_X86_64));
    }

    @Test
    public void theCompilerIsLookedUpOnPath() throws Exception {
        Path bin = tmp.newFolder("bin").toPath();
        executable(bin.resolve("aarch64-linux-gnu-gcc"));
        Toolchain toolchain = new Toolchain(Map.of("PATH", "/nonexistent:" + bin));
        assertEquals("aarch64-linux-gnu-gcc", toolchain.compiler(Language.C, AARCH64_ON_X86_64));
    }

    @Test
    public void anEnvironmentVariableOverridesTheCompiler() throws Exception {
        Path clang = executable(tmp.newFolder("llvm").toPath().resolve("clang"));
        Toolchain toolchain = new Toolchain(Map.of("PATH", "", "CC_AARCH64", clang.toString()));
        assertEquals(clang.toString(), toolchain.compiler(Language.C, AARCH64_ON_X86_64));
    }

    @Test
    public void aMissingCrossCompilerSaysWhichOneAndHowToInstallIt() {
        Toolchain toolchain = new Toolchain(Map.of("PATH", "/nonexistent"));
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> toolchain.compiler(Language.C, AARCH64_ON_X86_64));
        assertEquals("[nativebundle] the C compiler for linux/aarch64, 'aarch64-linux-gnu-gcc', was not found on PATH.\n"
                + "[nativebundle]   Install it with:   apt-get update && apt-get install -y gcc-aarch64-linux-gnu"
                + "   (Debian/Ubuntu)\n"
                + "[nativebundle]   or point CC_AARCH64 at a C compiler for linux/aarch64,\n"
                + "[nativebundle]   or build for this machine only: -Dnativebundle.targets=host", e.getMessage());
    }

    @Test
    public void aMissingOverrideNamesTheVariable() {
        Toolchain toolchain = new Toolchain(Map.of("PATH", "", "CXX_X86_64", "/opt/none/g++"));
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> toolchain.compiler(Language.CXX, X86_64_ON_X86_64));
        assertTrue(e.getMessage(), e.getMessage().startsWith("[nativebundle] the C++ compiler for linux/x86-64, "
                + "'/opt/none/g++', does not exist or is not executable (set by CXX_X86_64)."));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    public void aStaticLibraryTheCompilerFindsPassesAndAMissingOneSaysHowToInstallIt() throws Exception {
        Toolchain.requireStaticLibrary("ffi", AARCH64_ON_X86_64, "aarch64-linux-gnu-gcc",
                "/usr/lib/gcc-cross/aarch64-linux-gnu/12/../../../aarch64-linux-gnu/libffi.a");
        // gcc -print-file-name answers with the bare name when it finds nothing
        MojoFailureException e = assertThrows(MojoFailureException.class, () ->
                Toolchain.requireStaticLibrary("ffi", AARCH64_ON_X86_64, "aarch64-linux-gnu-gcc", "libffi.a"));
        assertTrue(e.getMessage(), e.getMessage().contains("the static library libffi.a for linux/aarch64 was not found"
                + " by 'aarch64-linux-gnu-gcc'"));
        assertTrue(e.getMessage(), e.getMessage().contains("dpkg --add-architecture arm64 && apt-get update && "
                + "apt-get install -y libffi-dev:arm64"));
        assertTrue(e.getMessage(), e.getMessage().contains("-Dnativebundle.targets=host"));
        assertThrows(MojoFailureException.class, () ->
                Toolchain.requireStaticLibrary("ffi", X86_64_ON_X86_64, "gcc", ""));
    }
}
