package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TargetPlatformTest {

    @Test
    public void hostIsTheMachineOfThisJvm() {
        assertEquals("linux/x86-64", TargetPlatform.parse("host", "amd64").folder());
        assertEquals("linux/aarch64", TargetPlatform.parse("host", "aarch64").folder());
        assertTrue(TargetPlatform.parse("host", "x86_64").isHost());
    }

    @Test
    public void aNamedTargetIsTheHostOnlyOnItsOwnMachine() {
        assertTrue(TargetPlatform.parse("linux/x86-64", "amd64").isHost());
        assertFalse(TargetPlatform.parse("linux/aarch64", "amd64").isHost());
        assertTrue(TargetPlatform.parse(" linux/aarch64 ", "arm64").isHost());
        assertEquals(TargetPlatform.parse("host", "amd64"), TargetPlatform.parse("linux/x86-64", "amd64"));
    }

    @Test
    public void anUnknownTargetNamesWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetPlatform.parse("linux/arm64", "amd64"));
        assertEquals("unknown target 'linux/arm64'; expected host or linux/<processor> with a processor of x86-64, "
                + "aarch64, e.g. linux/x86-64", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TargetPlatform.parse("windows/x86-64", "amd64"));
        assertThrows(IllegalArgumentException.class, () -> TargetPlatform.parse("x86-64", "amd64"));
    }

    @Test
    public void theHostOfAnUnsupportedMachineIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetPlatform.parse("host", "ppc64le"));
        assertTrue(e.getMessage(), e.getMessage().contains("'ppc64le'"));
    }
}
