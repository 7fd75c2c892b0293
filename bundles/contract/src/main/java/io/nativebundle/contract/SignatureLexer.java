package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a signature into {@link Token}s, skipping blanks and line breaks, and counting lines and
 * columns so that the parser's errors can say where they are.
 */
final class SignatureLexer {

    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private SignatureLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with one {@link Token.Kind#END}. */
    static List<Token> tokens(String text) {
        return new SignatureLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", line, column));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int startLine = line;
        int startColumn = column;
        char c = text.charAt(pos);
        if (isWordChar(c)) {
            int from = pos;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                advance();
            }
            return new Token(Token.Kind.WORD, text.substring(from, pos), startLine, startColumn);
        }
        if (text.startsWith("...", pos)) {
            advance();
            advance();
            advance();
            return new Token(Token.Kind.ELLIPSIS, "...", startLine, startColumn);
        }
        advance();
        Token.Kind kind = switch (c) {
            case '(' -> Token.Kind.LEFT_PAREN;
            case ')' -> Token.Kind.RIGHT_PAREN;
            case ',' -> Token.Kind.COMMA;
            case '{' -> Token.Kind.LEFT_BRACE;
            case '}' -> Token.Kind.RIGHT_BRACE;
            case ':' -> Token.Kind.COLON;
            case '[' -> Token.Kind.LEFT_BRACKET;
            case ']' -> Token.Kind.RIGHT_BRACKET;
            case '=' -> Token.Kind.EQUALS;
            default -> Token.Kind.OTHER;
        };
        return new Token(kind, String.valueOf(c), startLine, startColumn);
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            advance();
        }
    }

    private void advance() {
        if (text.charAt(pos++) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
