package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.binary.ElfMachine;
import io.nativebundle.bnd.fixture.ShapesLib;

/**
 * A library written in C++ with {@code extern "C"} exports, compiled by the nativebundle Maven
 * plugin with g++ (and, mixed with a C file, compiled file by file and linked with g++), passes the
 * same checks as a C library: plain symbol names, the build note of {@code nativebundle.h}.
 */
public class CppLibraryTest {

    private static final String HOST = ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElseThrow()
        .osgiProcessor();

    private static TestBundle shapes(String file) {
        return TestBundle.create()
            .library("shapes;version=1.0.0;interface=" + ShapesLib.class.getName())
            .add("native/linux/" + HOST + "/libshapes.so", HOST, file);
    }

    @Test
    public void aCppLibraryWithExternCExportsIsANativeBundle() throws Exception {
        TestBundle.Result result = shapes("libshapes.so").build();

        assertEquals(List.of(), result.errors());
        assertEquals("circle_area;signature=\"(double)double\", name_length;signature=\"(string)int\"",
            result.header("NativeBundle-Symbols"));
        assertTrue(result.header("Require-Capability"),
            result.header("Require-Capability").contains("(io.nativebundle.abi>=1.0.0)"));
    }

    @Test
    public void cAndCppMixedInOneLibraryExportBoth() throws Exception {
        TestBundle.Result result = shapes("libshapes-mixed.so")
            .set("-nativebundle-symbols", "fmt_greeting;signature=\"(string,pointer,long)long\"")
            .build();

        assertEquals(List.of(), result.errors());
        assertTrue(result.header("NativeBundle-Symbols"),
            result.header("NativeBundle-Symbols").endsWith("fmt_greeting;signature=\"(string,pointer,long)long\""));
    }
}
