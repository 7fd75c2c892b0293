package io.nativebundle.contract;

/**
 * A signature or type that does not parse, with the line and column (from 1, within the text
 * given) of the token that broke it. {@link #reason()} is the message without the position, for a
 * reader that reports positions its own way (a descriptor's {@code file:line:column:}).
 */
public final class SignatureException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String reason;
    private final int line;
    private final int column;

    SignatureException(String what, String text, String reason, int line, int column) {
        super(what + " '" + text + "', " + (line > 1 ? "line " + line + ", " : "") + "column " + column + ": "
                + reason);
        this.text = text;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The text that was parsed. */
    public String text() {
        return text;
    }

    /** What was expected and what was found, without the position. */
    public String reason() {
        return reason;
    }

    /** The line of the offending token within {@link #text()}, from 1. */
    public int line() {
        return line;
    }

    /** The column of the offending token within its line, from 1. */
    public int column() {
        return column;
    }
}
