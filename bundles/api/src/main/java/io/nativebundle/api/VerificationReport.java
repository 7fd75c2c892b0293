package io.nativebundle.api;

import java.util.List;
import java.util.Objects;

/**
 * Every check run on one native bundle jar, in order.
 *
 * <p>A value. A final class rather than a record, so that it can gain a field (with a new
 * constructor) without breaking the binaries of its users.
 */
public final class VerificationReport {

    private final String bundle;
    private final List<CheckResult> checks;

    /**
     * @param bundle the jar checked, as given
     * @param checks the results, in the order the checks ran
     */
    public VerificationReport(String bundle, List<CheckResult> checks) {
        this.bundle = bundle;
        this.checks = List.copyOf(checks);
    }

    /** The jar checked, as given. */
    public String bundle() {
        return bundle;
    }

    /** The results, in the order the checks ran; unmodifiable. */
    public List<CheckResult> checks() {
        return checks;
    }

    /** True when every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationReport r && Objects.equals(bundle, r.bundle) && checks.equals(r.checks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, checks);
    }

    @Override
    public String toString() {
        return "VerificationReport[bundle=" + bundle + ", checks=" + checks + "]";
    }
}
