package io.nativebundle.bnd;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code NativeBundle-Digest}: {@code native/linux/x86-64/libmath.so;sha256=<64 lowercase hex>}
 * for every native file, in {@code Bundle-NativeCode} order. The loader compares it with the file
 * right before opening it.
 */
final class DigestHeader {

    static final String HEADER = "NativeBundle-Digest";

    private DigestHeader() {
    }

    static String format(List<PlatformBinaries> platforms) {
        return platforms.stream()
            .flatMap(p -> p.files().stream())
            .map(f -> f.path() + ";sha256=" + sha256(f.content()))
            .collect(Collectors.joining(", "));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
