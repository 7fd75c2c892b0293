package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.Test;

import io.nativebundle.contract.MalformedHeaderException;

public class ExportPolicyTest {

    @Test
    public void theFirstClauseThatMatchesDecides() throws Exception {
        ExportPolicy p = ExportPolicy.parse("math;port=9100;timeout=5s, *;tenant=acme");
        ExportPolicy.Rule math = p.rule("math", "default").orElseThrow();
        assertEquals(OptionalInt.of(9100), math.port());
        assertEquals(Optional.of(Duration.ofSeconds(5)), math.timeout());
        assertEquals(Optional.of("acme"), p.rule("zlib", "acme").orElseThrow().tenant());
        assertEquals(Optional.empty(), p.rule("zlib", "default"));
        assertEquals(OptionalInt.of(9100), p.rule("math", "acme").orElseThrow().port());
    }

    @Test
    public void noPropertyExportsNothing() throws Exception {
        assertEquals(Optional.empty(), ExportPolicy.parse(null).rule("math", "default"));
        assertEquals(Optional.empty(), ExportPolicy.parse("  ").rule("math", "default"));
    }

    @Test
    public void badClausesAreRefusedNamingThePropertyTheClauseAndWhatWasExpected() {
        assertEquals("io.nativebundle.remote.export: clause 'math': port '99999' is not a TCP port; expected a number"
                + " from 0 (any free port) to 65535", message("math;port=99999"));
        assertEquals("io.nativebundle.remote.export: clause 'math': timeout '5' is not a duration; expected a whole"
                + " number of ms, s or m, e.g. 250ms or 2s", message("math;timeout=5"));
        assertTrue(message("*;tenant=Acme"), message("*;tenant=Acme").startsWith(
                "io.nativebundle.remote.export: clause '*': tenant id 'Acme'"));
        assertTrue(message("std+c;port=1"), message("std+c;port=1").startsWith(
                "io.nativebundle.remote.export: clause 'std+c': library name 'std+c'"));
    }

    private static String message(String text) {
        return assertThrows(MalformedHeaderException.class, () -> ExportPolicy.parse(text)).getMessage();
    }
}
