package io.nativebundle.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check of a native bundle, e.g. {@code digest} or {@code symbols}.
 *
 * <p>A value with equality on all four parts. A final class rather than a record, so that it can
 * gain a field (with a new factory) without breaking the binaries of its users.
 *
 * <pre>{@code
 * CheckResult ok = CheckResult.pass("digest", "sha256 1cfb2357... matches NativeBundle-Digest");
 * CheckResult bad = CheckResult.fail("machine", RefusalReason.WRONG_MACHINE, "built for aarch64, JVM is x86-64");
 * }</pre>
 */
public final class CheckResult {

    private final String check;
    private final boolean passed;
    private final Optional<RefusalReason> reason;
    private final String detail;

    /**
     * @param check  the check's name
     * @param passed whether it passed
     * @param reason the refusal reason when it failed
     * @param detail what was checked, or what was expected and what was found
     */
    public CheckResult(String check, boolean passed, Optional<RefusalReason> reason, String detail) {
        this.check = Objects.requireNonNull(check, "check");
        this.passed = passed;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A passed check. */
    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, true, Optional.empty(), detail);
    }

    /** A failed check with the reason the loader would refuse the bundle for. */
    public static CheckResult fail(String check, RefusalReason reason, String detail) {
        return new CheckResult(check, false, Optional.of(reason), detail);
    }

    /** The check's name, e.g. {@code digest}. */
    public String check() {
        return check;
    }

    /** Whether it passed. */
    public boolean passed() {
        return passed;
    }

    /** The refusal reason when it failed; empty when it passed. */
    public Optional<RefusalReason> reason() {
        return reason;
    }

    /** What was checked, or what was expected and what was found. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckResult c && check.equals(c.check) && passed == c.passed && reason.equals(c.reason)
                && detail.equals(c.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(check, passed, reason, detail);
    }

    @Override
    public String toString() {
        return "CheckResult[check=" + check + ", passed=" + passed + ", reason=" + reason + ", detail=" + detail + "]";
    }
}
