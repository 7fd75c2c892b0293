package io.nativebundle.loader.internal.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers (core spec 3.2.4): clauses separated by commas, each with paths,
 * attributes and directives separated by semicolons, values optionally in double quotes.
 * Errors name the header and the column, because the text came from a bundle author.
 */
final class HeaderParser {

    private final String header;
    private final String text;
    private int pos;

    private HeaderParser(String header, String text) {
        this.header = header;
        this.text = text;
    }

    /**
     * Parses {@code text}, the value of the header named {@code header}.
     *
     * @throws MalformedHeaderException with the column of the first error
     */
    public static List<HeaderClause> parse(String header, String text) throws MalformedHeaderException {
        return new HeaderParser(header, text == null ? "" : text).clauses();
    }

    private List<HeaderClause> clauses() throws MalformedHeaderException {
        List<HeaderClause> clauses = new ArrayList<>();
        skipSpace();
        if (pos >= text.length()) {
            return clauses;
        }
        while (true) {
            clauses.add(clause());
            skipSpace();
            if (pos >= text.length()) {
                return clauses;
            }
            expect(',');
        }
    }

    private HeaderClause clause() throws MalformedHeaderException {
        List<String> paths = new ArrayList<>();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            int start = pos;
            String key = token();
            if (key.isEmpty()) {
                throw error(start, "expected a name");
            }
            skipSpace();
            if (peek(":=")) {
                pos += 2;
                directives.put(key, value());
            } else if (peek("=") || peek(":")) {
                String name = key;
                if (peek(":")) {
                    pos++;
                    token(); // the type, e.g. Version or List<String>; values keep their text
                    skipSpace();
                }
                expect('=');
                attributes.computeIfAbsent(name, k -> new ArrayList<>()).add(value());
            } else {
                if (!attributes.isEmpty() || !directives.isEmpty()) {
                    throw error(start, "path '" + key + "' after attributes or directives");
                }
                paths.add(key);
            }
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ';') {
                pos++;
                continue;
            }
            break;
        }
        if (paths.isEmpty()) {
            throw error(pos, "clause has no name or path");
        }
        return new HeaderClause(paths, attributes, directives);
    }

    private String value() throws MalformedHeaderException {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';' || c == ',' || c == '"' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        String value = text.substring(start, pos);
        if (value.isEmpty()) {
            throw error(start, "expected a value");
        }
        return value;
    }

    private String quoted() throws MalformedHeaderException {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (c == '"') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw error(start, "unterminated quoted string");
    }

    /** A run of characters up to a separator; type names such as List<String> are one token. */
    private String token() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';' || c == ',' || c == '=' || c == '"' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean peek(String s) {
        return text.startsWith(s, pos);
    }

    private void expect(char c) throws MalformedHeaderException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            String found = pos >= text.length() ? "end of header" : "'" + text.charAt(pos) + "'";
            throw error(pos, "expected '" + c + "' but found " + found);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private MalformedHeaderException error(int at, String what) {
        return new MalformedHeaderException(header + ": " + what + " at column " + (at + 1) + " in '" + text + "'");
    }
}
