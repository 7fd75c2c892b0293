package io.nativebundle.contract;

/**
 * A manifest header that breaks the contract: it does not parse, or a value breaks a rule. The
 * message names the header and says what was expected and what was found; a syntax error also
 * gives the column.
 */
public final class MalformedHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedHeaderException(String message) {
        super(message);
    }
}
