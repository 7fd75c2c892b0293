package io.nativebundle.contract;

import java.util.Optional;

/**
 * The rule for tenant ids: a DNS label (RFC 1123) in lowercase. That is lowercase letters, digits
 * and '-', 1 to 63 characters, neither starting nor ending with '-'. The same id then also works
 * as a folder name on every file system, a host name and a Kubernetes namespace.
 *
 * <pre>{@code
 * TenantId.problem("acme");   // empty
 * TenantId.problem("Acme");   // "tenant id 'Acme' contains 'A' at position 1; only lowercase ..."
 * }</pre>
 */
public final class TenantId {

    /** The tenant of bundles that declare none. */
    public static final String DEFAULT = "default";
    /** The longest id, as for a DNS label. */
    public static final int MAX_LENGTH = 63;

    private TenantId() {
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /** Why {@code id} is not a valid tenant id; empty when it is one. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("the tenant id is empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("tenant id '" + id + "' has " + id.length() + " characters; at most "
                    + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return Optional.of("tenant id '" + id + "' contains " + describe(c) + " at position " + (i + 1)
                        + "; only lowercase letters a-z, digits 0-9 and '-' are allowed");
            }
        }
        if (id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
            return Optional.of("tenant id '" + id + "' starts or ends with '-'");
        }
        return Optional.empty();
    }

    /** A printable character as itself, anything else (a control character, a space) by its code point. */
    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
