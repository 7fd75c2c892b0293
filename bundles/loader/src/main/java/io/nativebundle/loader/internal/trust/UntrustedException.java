package io.nativebundle.loader.internal.trust;

/** No trusted signer covers the content: {@code signers} names those found, or {@code unsigned}. */
final class UntrustedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String signers;

    UntrustedException(String signers, String problem) {
        super(problem);
        this.signers = signers;
    }

    String signers() {
        return signers;
    }
}
