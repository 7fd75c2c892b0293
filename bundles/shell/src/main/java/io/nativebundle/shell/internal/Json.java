package io.nativebundle.shell.internal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code --json} output of the {@code native:} commands: maps (objects, in their
 * iteration order), iterables and arrays, strings, numbers, booleans and {@code null}.
 * {@code Optional}s are unwrapped, enums written by name, and any other value as its string.
 *
 * <pre>{@code
 * Json.pretty(Map.of("library", "math", "calls", 3)); // {"library": "math", "calls": 3} over 4 lines
 * }</pre>
 *
 * <p>Strings are escaped per RFC 8259; non-ASCII text is written as is (the output is UTF-8),
 * except U+2028, U+2029 and unpaired surrogates, which are escaped so every consumer can read it.
 * Non-finite numbers, which JSON cannot express, are written as {@code null}.
 */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private Json(boolean pretty) {
        this.pretty = pretty;
    }

    /** The value on one line. */
    static String compact(Object value) {
        Json json = new Json(false);
        json.value(value, 0);
        return json.out.toString();
    }

    /** The value indented by two spaces per level, one member or element a line. */
    static String pretty(Object value) {
        Json json = new Json(true);
        json.value(value, 0);
        return json.out.toString();
    }

    private void value(Object value, int depth) {
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? value.toString() : "null");
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof Iterable<?> iterable) {
            array(iterable.iterator(), depth);
        } else if (value instanceof Object[] array) {
            array(Arrays.asList(array).iterator(), depth);
        } else if (value instanceof Enum<?> e) {
            string(e.name());
        } else {
            string(value.toString());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            string(String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(Iterator<?> elements, int depth) {
        if (!elements.hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            value(elements.next(), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
