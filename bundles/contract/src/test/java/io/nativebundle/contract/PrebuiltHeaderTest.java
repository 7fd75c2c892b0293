package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

/** NativeBundle-Prebuilt: one toolchain and the ABI its libraries target, read alike by bnd and the loader. */
public class PrebuiltHeaderTest {

    @Test
    public void readsTheToolchainAndTheAbi() throws Exception {
        PrebuiltHeader h = PrebuiltHeader.parse(" cargo ; abi = \"2.1\" ").orElseThrow();
        assertEquals("cargo", h.toolchain());
        assertEquals("2.1.0", h.abi().toString());
        assertEquals("cargo;abi=2.1.0", h.toHeader());
        assertEquals(Optional.of(h), PrebuiltHeader.parse(h.toHeader()));
    }

    @Test
    public void anAbsentHeaderIsNoDeclaration() throws Exception {
        assertEquals(Optional.empty(), PrebuiltHeader.parse(null));
        assertEquals(Optional.empty(), PrebuiltHeader.parse("  "));
    }

    @Test
    public void theAbiIsRequiredAndAVersion() {
        assertProblem("cargo", "NativeBundle-Prebuilt: cargo needs the ABI its libraries target as a version,"
                + " e.g. cargo;abi=1.0.0; found no abi");
        assertProblem("cargo;abi=one", "NativeBundle-Prebuilt: cargo needs the ABI its libraries target as a version,"
                + " e.g. cargo;abi=1.0.0; found abi=one");
    }

    @Test
    public void oneToolchainOnly() {
        assertProblem("cargo;abi=1.0.0, cmake;abi=1.0.0", "NativeBundle-Prebuilt: name one toolchain with the ABI its"
                + " libraries target, e.g. NativeBundle-Prebuilt: cargo;abi=1.0.0;"
                + " found 'cargo;abi=1.0.0, cmake;abi=1.0.0'");
        assertProblem("cargo;cmake;abi=1.0.0", "NativeBundle-Prebuilt: name one toolchain");
        assertProblem("cargo;abi=\"1.0", "NativeBundle-Prebuilt: unterminated quoted string at column 11");
    }

    private static void assertProblem(String header, String expected) {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class, () -> PrebuiltHeader.parse(header));
        assertTrue(header + " -> " + e.getMessage(), e.getMessage().startsWith(expected));
    }
}
