package io.nativebundle.loader.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.nativebundle.api.RefusalReason;

/**
 * Compares the SHA-256 of a cached native file with {@code NativeBundle-Digest}. It runs on the
 * cached copy right before the file is opened, so nothing between the check and the open can
 * swap the bytes unnoticed (other than a writer with access to the cache folder).
 */
final class DigestCheck {

    private DigestCheck() {
    }

    /** @return the actual digest, which then equals the expected one */
    static String verify(DigestTable table, String entry, Path file) throws LoadRefusal, IOException {
        String expected = table.expected(entry).orElseThrow(() -> new LoadRefusal(RefusalReason.DIGEST_MISMATCH,
                "NativeBundle-Digest has no sha256 for '" + entry + "'; every native file must be listed "
                        + "(the nativebundle bnd plugin writes this header)"));
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "SHA-256 of '" + entry + "' (cached at " + file
                    + ") is " + actual + " but NativeBundle-Digest expects " + expected);
        }
        return actual;
    }
}
