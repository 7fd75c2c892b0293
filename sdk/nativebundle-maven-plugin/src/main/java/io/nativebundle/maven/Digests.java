package io.nativebundle.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The SHA-256 of a built file, written next to it as {@code <file>.sha256} in the format of
 * {@code sha256sum} ({@code <64 hex>  <file name>}), so that whoever ships the file can check a
 * copy of it before use (the loader does so before it executes {@code nativebundle-host}).
 */
final class Digests {

    private Digests() {
    }

    /** The sidecar of {@code file}. */
    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    static void write(Path file) throws MojoExecutionException {
        try {
            String line = sha256(file) + "  " + file.getFileName() + "\n";
            Files.writeString(sidecar(file), line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot write the digest of " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
