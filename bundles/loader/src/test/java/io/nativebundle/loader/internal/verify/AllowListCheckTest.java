package io.nativebundle.loader.internal.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

public class AllowListCheckTest {

    private static final Path REAL = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13");
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    public void withoutAnAllowListTheDigestIsOnlyRecorded() throws Exception {
        CheckResult result = AllowListCheck.check("z", List.of(), REAL, A);
        assertTrue(result.passed());
        assertEquals("digest", result.check());
        assertEquals(REAL + " has sha256 " + A + "; no allow-list declared (a system library has no NativeBundle-Digest)",
                result.detail());
    }

    @Test
    public void aDigestOnTheListPasses() throws Exception {
        CheckResult result = AllowListCheck.check("z", List.of(B, A), REAL, A);
        assertTrue(result.passed());
        assertEquals(REAL + " has sha256 " + A + ", one of the 2 allowed by NativeBundle-Library", result.detail());
    }

    @Test
    public void aDigestOffTheListIsADigestMismatchNamingBoth() {
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> AllowListCheck.check("z", List.of(B), REAL, A));
        assertEquals(RefusalReason.DIGEST_MISMATCH, r.reason());
        assertEquals("SHA-256 of " + REAL + " (system library 'z') is " + A + " but NativeBundle-Library allows only sha256="
                + B, r.getMessage());
    }
}
