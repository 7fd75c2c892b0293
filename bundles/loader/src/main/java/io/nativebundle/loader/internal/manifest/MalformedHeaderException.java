package io.nativebundle.loader.internal.manifest;

/** A manifest header that does not parse; the message names the header and the column. */
public final class MalformedHeaderException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
        super(message);
    }
}
