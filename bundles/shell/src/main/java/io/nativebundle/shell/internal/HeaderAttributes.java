package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one attribute of the first clause of a manifest header, e.g. {@code version} of
 * {@code NativeBundle-Library: math;version=1.2.0;interface=...}. The shell only needs this for
 * bundles whose library is not loaded, where no {@code NativeLibrary} describes it; quotes are
 * honoured and a type ({@code version:Version=1.2.0}) is ignored.
 */
final class HeaderAttributes {

    private HeaderAttributes() {
    }

    static Optional<String> attribute(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : split(firstClause(header), ';')) {
            int eq = part.indexOf('=');
            if (eq <= 0 || part.charAt(eq - 1) == ':') {
                continue; // a path, or a directive (name:=value)
            }
            String key = part.substring(0, eq).strip();
            int colon = key.indexOf(':');
            if (colon >= 0) {
                key = key.substring(0, colon).strip();
            }
            if (key.equals(name)) {
                return Optional.of(unquote(part.substring(eq + 1).strip()));
            }
        }
        return Optional.empty();
    }

    private static String firstClause(String header) {
        List<String> clauses = split(header, ',');
        return clauses.isEmpty() ? "" : clauses.get(0);
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
