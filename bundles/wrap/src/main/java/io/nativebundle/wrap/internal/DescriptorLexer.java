package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nativebundle.wrap.DescriptorException;

/**
 * Splits a descriptor into section headers and {@code key = value} entries. The syntax is a small
 * part of TOML: {@code #} starts a comment outside quotes, values may be written in double quotes
 * (with {@code \"} and {@code \\} as escapes), blank lines are ignored. Meaning is left to
 * {@link DescriptorParser}.
 */
final class DescriptorLexer {

    private final Path file;

    DescriptorLexer(Path file) {
        this.file = file;
    }

    List<Line> lines(String text) throws DescriptorException {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            Line parsed = line(i + 1, line);
            if (parsed != null) {
                lines.add(parsed);
            }
        }
        return lines;
    }

    private Line line(int number, String text) throws DescriptorException {
        int pos = skipBlanks(text, 0);
        if (pos == text.length() || text.charAt(pos) == '#') {
            return null;
        }
        if (pos == 0 && text.startsWith("\uFEFF")) {
            pos = skipBlanks(text, 1); // a byte order mark some editors write
            if (pos == text.length() || text.charAt(pos) == '#') {
                return null;
            }
        }
        return text.charAt(pos) == '[' ? section(number, text, pos) : entry(number, text, pos);
    }

    private Line section(int number, String text, int open) throws DescriptorException {
        int close = text.indexOf(']', open);
        int hash = text.indexOf('#', open);
        if (close < 0 || (hash >= 0 && hash < close)) {
            throw error(number, open, "expected ']' to close the section header");
        }
        int nameStart = skipBlanks(text, open + 1);
        String name = text.substring(open + 1, close).trim();
        if (name.isEmpty()) {
            throw error(number, open, "the section header has no name; expected [symbols] or [variables]");
        }
        expectEnd(number, text, close + 1, "after the section header");
        return new Line(name, new Position(number, nameStart + 1), null);
    }

    private Line entry(int number, String text, int keyStart) throws DescriptorException {
        int pos = keyStart;
        while (pos < text.length() && !isBlank(text.charAt(pos)) && text.charAt(pos) != '=' && text.charAt(pos) != '#') {
            pos++;
        }
        String key = text.substring(keyStart, pos);
        if (key.isEmpty()) {
            throw error(number, keyStart, "expected a key before '='");
        }
        pos = skipBlanks(text, pos);
        if (pos == text.length() || text.charAt(pos) != '=') {
            throw error(number, pos, "expected '=' after the key '" + key + "' but found "
                    + (pos == text.length() ? "the end of the line" : "'" + text.charAt(pos) + "'"));
        }
        int afterEquals = pos + 1;
        pos = skipBlanks(text, afterEquals);
        if (pos == text.length() || text.charAt(pos) == '#') {
            throw error(number, pos, "expected a value after '" + key + " ='");
        }
        Position keyAt = new Position(number, keyStart + 1);
        if (text.charAt(pos) == '"') {
            return quoted(number, text, key, keyAt, pos);
        }
        int valueStart = pos;
        int hash = text.indexOf('#', valueStart);
        String value = text.substring(valueStart, hash < 0 ? text.length() : hash).strip();
        return new Line(null, null, new Entry(key, keyAt, value, new Position(number, valueStart + 1)));
    }

    private Line quoted(int number, String text, String key, Position keyAt, int quote) throws DescriptorException {
        StringBuilder value = new StringBuilder();
        int pos = quote + 1;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                value.append(text.charAt(pos++));
            } else if (c == '"') {
                expectEnd(number, text, pos, "after the quoted value");
                if (value.toString().isBlank()) {
                    throw error(number, quote, "expected a value inside the quotes of '" + key + "'");
                }
                return new Line(null, null, new Entry(key, keyAt, value.toString().strip(),
                        new Position(number, quote + 2)));
            } else {
                value.append(c);
            }
        }
        throw error(number, quote, "the quoted value of '" + key + "' has no closing '\"'");
    }

    /** Only blanks or a comment may follow at {@code pos}. */
    private void expectEnd(int number, String text, int pos, String where) throws DescriptorException {
        int rest = skipBlanks(text, pos);
        if (rest < text.length() && text.charAt(rest) != '#') {
            throw error(number, rest, "unexpected '" + text.substring(rest).strip() + "' " + where
                    + "; only a # comment may follow");
        }
    }

    private static int skipBlanks(String text, int pos) {
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private DescriptorException error(int line, int index, String reason) {
        return new DescriptorException(file, line, index + 1, reason);
    }
}
