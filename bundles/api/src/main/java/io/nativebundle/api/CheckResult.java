package io.nativebundle.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check of a native bundle, e.g. {@code digest} or {@code symbols}.
 *
 * @param check  the check's name
 * @param passed whether it passed
 * @param reason the refusal reason when it failed
 * @param detail what was checked, or what was expected and what was found
 */
public record CheckResult(String check, boolean passed, Optional<RefusalReason> reason, String detail) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, true, Optional.empty(), detail);
    }

    public static CheckResult fail(String check, RefusalReason reason, String detail) {
        return new CheckResult(check, false, Optional.of(reason), detail);
    }
}
