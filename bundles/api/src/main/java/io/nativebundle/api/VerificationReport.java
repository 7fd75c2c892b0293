package io.nativebundle.api;

import java.util.List;

/**
 * Every check run on one native bundle jar, in order.
 *
 * @param bundle the jar checked, as given
 * @param checks the results
 */
public record VerificationReport(String bundle, List<CheckResult> checks) {

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** True when every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }
}
