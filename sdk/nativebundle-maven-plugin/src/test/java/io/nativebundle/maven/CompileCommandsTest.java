package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class CompileCommandsTest {

    private static final TargetPlatform HOST = TargetPlatform.parse("linux/x86-64", "amd64");
    private static final Path INCLUDE = Path.of("/b/nativebundle/include");
    private static final Path OUT = Path.of("/b/classes/native/linux/x86-64/libmath.so");
    private static final Path OBJECTS = Path.of("/b/obj");

    private final Toolchain toolchain = new Toolchain(Map.of("PATH", "/usr/bin:/bin"));

    @Test
    public void aCLibraryOfABundleIsOneCommandWithTheBundleRules() throws Exception {
        List<List<String>> commands = new CompileCommands(toolchain, true).commands(HOST,
                List.of(Path.of("src/main/c/math.c")), List.of("-Wl,-soname,libmath.so", "-DX=1", "-lm"), INCLUDE,
                OUT, OBJECTS);
        assertEquals(List.of(List.of("gcc", "-shared", "-fPIC", "-O2", "-g0", "-Wall", "-Wextra", "-Werror",
                "-std=c11", "-fvisibility=hidden", "-D_DEFAULT_SOURCE", "-I/b/nativebundle/include", "-DX=1", "-o",
                OUT.toString(), "src/main/c/math.c", "-L/b/classes/native/linux/x86-64", "-Wl,-soname,libmath.so",
                "-lm", "-Wl,--no-undefined")), commands);
    }

    @Test
    public void aTestLibraryHasNoBundleRulesAndMayChooseItsStandard() throws Exception {
        List<String> command = new CompileCommands(toolchain, false).commands(HOST, List.of(Path.of("t.c")),
                List.of("-std=gnu99"), INCLUDE, OUT, OBJECTS).get(0);
        assertFalse(command.toString(), command.contains("-fvisibility=hidden"));
        assertFalse(command.toString(), command.contains("-Wl,--no-undefined"));
        assertFalse(command.toString(), command.contains("-std=c11"));
        assertTrue(command.toString(), command.contains("-std=gnu99"));
    }

    @Test
    public void aCppLibraryIsCompiledWithGppAsCpp17() throws Exception {
        List<String> command = new CompileCommands(toolchain, true).commands(HOST, List.of(Path.of("shapes.cpp")),
                List.of(), INCLUDE, OUT, OBJECTS).get(0);
        assertEquals("g++", command.get(0));
        assertTrue(command.toString(), command.contains("-std=c++17"));
    }

    @Test
    public void mixedCAndCppCompileEachFileAndLinkWithGpp() throws Exception {
        List<List<String>> commands = new CompileCommands(toolchain, true).commands(HOST,
                List.of(Path.of("a.c"), Path.of("b.cpp")), List.of("-m64", "-lm"), INCLUDE, OUT, OBJECTS);
        assertEquals(3, commands.size());
        assertEquals(List.of("gcc", "-c", "-fPIC", "-O2", "-g0", "-Wall", "-Wextra", "-Werror", "-std=c11",
                "-fvisibility=hidden", "-D_DEFAULT_SOURCE", "-I/b/nativebundle/include", "-m64", "-o", "/b/obj/a.c.o",
                "a.c"), commands.get(0));
        assertEquals("g++", commands.get(1).get(0));
        assertTrue(commands.get(1).contains("-std=c++17"));
        assertEquals(List.of("g++", "-shared", "-fPIC", "-m64", "-o", OUT.toString(), "/b/obj/a.c.o",
                "/b/obj/b.cpp.o", "-L/b/classes/native/linux/x86-64", "-lm", "-Wl,--no-undefined"), commands.get(2));
    }

    @Test
    public void linkerArgumentsGoAfterTheSources() {
        assertTrue(CompileCommands.linkOnly("-lfmt"));
        assertTrue(CompileCommands.linkOnly("-L/opt/lib"));
        assertTrue(CompileCommands.linkOnly("-Wl,-rpath,$ORIGIN"));
        assertFalse(CompileCommands.linkOnly("-Wall"));
        assertFalse(CompileCommands.linkOnly("-I/opt/include"));
    }

    @Test
    public void anExecutableIsLinkedWithoutSharedAndItsStaticLibrariesBetweenBstaticAndBdynamic() throws Exception {
        Path program = Path.of("/b/classes/host/linux/x86-64/nativebundle-host");
        List<String> command = new CompileCommands(toolchain, true).commands(HOST, List.of(Path.of("host.c")),
                List.of("-pthread"), INCLUDE, program, OBJECTS, true, List.of("ffi")).get(0);
        assertFalse(command.toString(), command.contains("-shared"));
        assertEquals(List.of("gcc", "-fPIC", "-O2", "-g0", "-Wall", "-Wextra", "-Werror", "-std=c11",
                "-fvisibility=hidden", "-D_DEFAULT_SOURCE", "-I/b/nativebundle/include", "-pthread", "-o",
                program.toString(), "host.c", "-L/b/classes/host/linux/x86-64", "-Wl,-Bstatic", "-lffi",
                "-Wl,-Bdynamic", "-Wl,--no-undefined"), command);
    }
}
