package io.nativebundle.loader.internal.trust;

/** A trust store that cannot be read, or holds nothing to trust: every signature check fails with it. */
final class TrustException extends Exception {

    private static final long serialVersionUID = 1L;

    TrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
