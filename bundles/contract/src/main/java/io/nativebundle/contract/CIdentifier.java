package io.nativebundle.contract;

/**
 * A C identifier: a symbol name such as {@code add} or {@code zlibVersion}. Letters, digits and
 * {@code '_'}, not starting with a digit; ASCII only, as a linker sees it.
 */
public final class CIdentifier {

    private CIdentifier() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
