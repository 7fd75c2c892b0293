package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Compares the SHA-256 of a cached native file with {@code NativeBundle-Digest}. It runs on the
 * cached copy right before the file is opened, so nothing between the check and the open can
 * swap the bytes unnoticed (other than a writer with access to the cache folder).
 */
final class DigestCheck {

    /** The check's name, as the verifier reports it. */
    public static final String NAME = "digest";

    private DigestCheck() {
    }

    /**
     * @param digests {@code NativeBundle-Digest}: the lowercase SHA-256 of each jar entry
     * @return the actual digest, which then equals the expected one
     */
    public static String verify(Map<String, String> digests, String entry, Path file) throws LoadRefusal, IOException {
        String expected = digests.get(entry);
        if (expected == null) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "NativeBundle-Digest has no sha256 for '" + entry
                    + "'; every native file must be listed (the nativebundle bnd plugin writes this header)");
        }
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "SHA-256 of '" + entry + "' (cached at " + file
                    + ") is " + actual + " but NativeBundle-Digest expects " + expected);
        }
        return actual;
    }

    /**
     * @param verified each entry that {@link #verify} accepted, with its SHA-256, in the clause's order
     * @return the {@code digest} check as the loader passed it, e.g. {@code 1 native file(s) of the
     *         clause match NativeBundle-Digest on their cached copies: native/linux/x86-64/libmath.so (sha256 1cfb23575f97)}
     */
    public static CheckResult passed(Map<String, String> verified) {
        StringJoiner files = new StringJoiner(", ");
        verified.forEach((entry, sha256) -> files.add(entry + " (sha256 " + sha256.substring(0, 12) + ")"));
        return CheckResult.pass(NAME, verified.size() + " native file(s) of the clause match NativeBundle-Digest"
                + " on their cached copies: " + files);
    }
}
