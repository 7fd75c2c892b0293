package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.VerificationReport;

/**
 * The output of {@code native:verify}: one {@code PASS}/{@code FAIL} line per check, and the
 * one-line verdict a failed verification throws.
 */
final class VerifyView {

    private VerifyView() {
    }

    /**
     * <pre>
     * PASS  digest   native/linux/x86-64/libmath.so matches NativeBundle-Digest
     * FAIL  symbols  SYMBOL_MISSING: nosuch is not exported by native/linux/x86-64/libmath.so
     * </pre>
     */
    static String text(VerificationReport report) {
        if (report.checks().isEmpty()) {
            return "no checks were run on " + report.bundle();
        }
        return table(report.checks());
    }

    static String json(VerificationReport report) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bundle", report.bundle());
        o.put("passed", passed(report));
        o.put("checks", checks(report.checks()));
        return Json.pretty(o);
    }

    /** The lines of {@link #text}, without the empty-report sentence. */
    static String table(List<CheckResult> checks) {
        Table table = Table.withoutHeaders(3);
        for (CheckResult c : checks) {
            String detail = c.passed() ? c.detail()
                    : c.reason().map(r -> r + ": ").orElse("") + c.detail();
            table.row(c.passed() ? "PASS" : "FAIL", c.check(), detail);
        }
        return table.toString();
    }

    /** The {@code checks} array of {@link #json}. */
    static List<Object> checks(List<CheckResult> results) {
        List<Object> checks = new ArrayList<>();
        for (CheckResult c : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", c.check());
            m.put("passed", c.passed());
            m.put("reason", c.reason());
            m.put("detail", c.detail());
            checks.add(m);
        }
        return checks;
    }

    /** A report passes when it ran at least one check and none failed. */
    static boolean passed(VerificationReport report) {
        return !report.checks().isEmpty() && report.passed();
    }

    /**
     * {@code x.jar failed 2 of 9 checks: digest (DIGEST_MISMATCH), symbols (SYMBOL_MISSING)}.
     *
     * @param bundle the bundle as the user named it (the report may name a downloaded copy)
     */
    static String verdict(String bundle, VerificationReport report) {
        if (report.checks().isEmpty()) {
            return "the verifier ran no checks on " + bundle;
        }
        List<CheckResult> failed = report.checks().stream().filter(c -> !c.passed()).collect(Collectors.toList());
        return bundle + " failed " + failed.size() + " of " + report.checks().size() + " checks: "
                + failed.stream().map(c -> c.check() + c.reason().map(r -> " (" + r + ")").orElse(""))
                        .collect(Collectors.joining(", "));
    }

    /** {@code math.jar passed all 9 checks}, or the verdict when it did not pass. */
    static String summary(String bundle, VerificationReport report) {
        if (!passed(report)) {
            return verdict(bundle, report);
        }
        int n = report.checks().size();
        return bundle + (n == 1 ? " passed its 1 check" : " passed all " + n + " checks");
    }
}
