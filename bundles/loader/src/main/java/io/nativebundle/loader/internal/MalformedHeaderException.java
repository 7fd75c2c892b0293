package io.nativebundle.loader.internal;

/** A manifest header that does not parse; the message names the header and the column. */
final class MalformedHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
        super(message);
    }
}
