package io.nativebundle.wrap.internal;

import java.util.Optional;

/**
 * The loader's rule for tenant ids, so a bad {@code tenant =} is refused with its line and column
 * before anything is installed: a lowercase DNS label, 1 to 63 of a-z, 0-9 and '-', neither
 * starting nor ending with '-'. A copy of the loader's internal {@code tenant.TenantId}, which
 * this bundle cannot import.
 */
final class TenantIds {

    static final int MAX_LENGTH = 63;

    private TenantIds() {
    }

    /** Why {@code id} is not a valid tenant id; empty when it is one. */
    static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("the tenant id is empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("tenant id '" + id + "' has " + id.length() + " characters; at most " + MAX_LENGTH
                    + " are allowed");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return Optional.of("tenant id '" + id + "' contains '" + c + "' at position " + (i + 1)
                        + "; only lowercase letters a-z, digits 0-9 and '-' are allowed");
            }
        }
        if (id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
            return Optional.of("tenant id '" + id + "' starts or ends with '-'");
        }
        return Optional.empty();
    }
}
