package io.nativebundle.loader.internal.trust;

/**
 * No trusted signer covers the content. The message names each signer found and why it is not
 * trusted ({@code signed by CN=Mallory (issued by CN=Mallory): ...}), or says {@code unsigned}.
 */
final class UntrustedException extends Exception {

    private static final long serialVersionUID = 1L;

    UntrustedException(String problem) {
        super(problem);
    }
}
