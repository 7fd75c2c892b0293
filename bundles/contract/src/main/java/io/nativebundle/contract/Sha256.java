package io.nativebundle.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 in the form the contract writes it: 64 lowercase hex digits, as in
 * {@code NativeBundle-Digest} and the {@code nativebundle.sha256} service property.
 *
 * <pre>{@code
 * String digest = Sha256.of(Files.readAllBytes(file));   // "1cfb2357..."
 * boolean ok = Sha256.isDigest("1CFB2357...");            // true: either case is read
 * }</pre>
 */
public final class Sha256 {

    /** Hex digits of a digest. */
    public static final int LENGTH = 64;

    private Sha256() {
    }

    /** The digest of {@code content}. */
    public static String of(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** The digest of a file, read in blocks so a large file is never held in memory. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The digest of what {@code in} yields until its end; the stream is not closed. */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code text} is a digest: exactly 64 hex digits, either case, nothing around them. */
    public static boolean isDigest(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The written form of a digest read in either case. */
    public static String normalize(String digest) {
        return digest.toLowerCase(Locale.ROOT);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
