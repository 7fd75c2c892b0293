package io.nativebundle.contract;

/**
 * One token of a signature, with where it starts, so an error can point at it.
 *
 * @param kind   what it is
 * @param text   its characters; empty for {@link Kind#END}
 * @param line   the line, from 1
 * @param column the column, from 1
 */
record Token(Kind kind, String text, int line, int column) {

    enum Kind {
        LEFT_PAREN, RIGHT_PAREN, COMMA,
        /** The punctuation of struct layouts: <code>{ } : [ ] =</code>. */
        LEFT_BRACE, RIGHT_BRACE, COLON, LEFT_BRACKET, RIGHT_BRACKET, EQUALS,
        /** {@code ...}: where the variadic arguments of a declaration start. */
        ELLIPSIS,
        /** Letters, digits and '_': a type, parameter, struct or field name, or a number. */
        WORD,
        /** A character the grammar has no use for; the parser says what it expected instead. */
        OTHER,
        END
    }

    /** How a message names the token: {@code 'int'}, or {@code the end of the signature}. */
    String describe() {
        return kind == Kind.END ? "the end of the signature" : "'" + text + "'";
    }
}
