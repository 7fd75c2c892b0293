package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.VerificationReport;

public class VerifyViewTest {

    private final VerificationReport failed = new VerificationReport("/tmp/x.jar", List.of(
            CheckResult.pass("digest", "native/linux/x86-64/libmath.so matches"),
            CheckResult.fail("symbols", RefusalReason.SYMBOL_MISSING, "nosuch is not exported")));

    @Test
    public void aLinePerCheckWithTheReasonOfEachFailure() {
        assertEquals(String.join("\n",
                "PASS  digest   native/linux/x86-64/libmath.so matches",
                "FAIL  symbols  SYMBOL_MISSING: nosuch is not exported"), VerifyView.text(failed));
    }

    @Test
    public void theVerdictNamesTheBundleAsGivenAndEachFailedCheck() {
        assertFalse(VerifyView.passed(failed));
        assertEquals("file:x.jar failed 1 of 2 checks: symbols (SYMBOL_MISSING)", VerifyView.verdict("file:x.jar", failed));
    }

    @Test
    public void aReportWithoutChecksDoesNotPass() {
        VerificationReport empty = new VerificationReport("x.jar", List.of());
        assertFalse(VerifyView.passed(empty));
        assertEquals("the verifier ran no checks on x.jar", VerifyView.verdict("x.jar", empty));
    }

    @Test
    public void aPassingReportSaysHowManyChecksPassed() {
        VerificationReport ok = new VerificationReport("x.jar", List.of(CheckResult.pass("digest", "ok")));
        assertTrue(VerifyView.passed(ok));
        assertEquals("math.jar passed its 1 check", VerifyView.summary("math.jar", ok));
    }

    @Test
    public void jsonListsEveryCheck() {
        String json = VerifyView.json(failed).replaceAll("\\n\\s*", "");
        assertEquals("{\"bundle\": \"/tmp/x.jar\",\"passed\": false,\"checks\": ["
                + "{\"check\": \"digest\",\"passed\": true,\"reason\": null,\"detail\": \"native/linux/x86-64/libmath.so matches\"},"
                + "{\"check\": \"symbols\",\"passed\": false,\"reason\": \"SYMBOL_MISSING\",\"detail\": \"nosuch is not exported\"}]}",
                json);
    }
}
