package io.nativebundle.contract;

import java.util.Optional;

/**
 * The rule for library names ({@code math} in {@code NativeBundle-Library: math;version=1.2.0}):
 * letters, digits, {@code '_'}, {@code '.'} and {@code '-'}, starting with a letter or digit.
 *
 * <p>Why not {@code '+'} (as in {@code stdc++}): the name becomes a token of an OSGi symbolic name
 * ({@code nativebundle.wrapped.<tenant>.<library>}), the value of the
 * {@code io.nativebundle.library} capability and a segment of {@code nativebundle.namespace}; an
 * OSGi token has no {@code '+'}. Name such a library {@code stdcxx}; the file name may keep it.
 */
public final class LibraryName {

    private LibraryName() {
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** Why {@code name} is not a library name; empty when it is one. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the library name is empty");
        }
        boolean valid = isLetterOrDigit(name.charAt(0));
        for (int i = 1; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }
        return valid ? Optional.empty() : Optional.of("library name '" + name
                + "' must be letters, digits, '_', '.' or '-', starting with a letter or digit");
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
