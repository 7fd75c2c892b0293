package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;
import jdk.security.jarsigner.JarSignerException;

import io.nativebundle.wrap.SigningKey;

/**
 * Signs a jar with the JDK's own jar signer ({@link JarSigner}, the API behind {@code jarsigner}):
 * SHA-256 digests, the signature algorithm the JDK picks for the key, the manifest's main
 * attributes covered (so every header of a bundle is signed), as the loader's {@code trust} check
 * requires. The signed jar appears at its path atomically.
 *
 * <p>Only reached after {@link JarSignerSupport#require()}: this class links to
 * {@code jdk.security.jarsigner}, which a framework may not export to bundles.
 */
final class JarSigning {

    private JarSigning() {
    }

    /** Signs {@code unsigned} into {@code signed}, which is replaced atomically. */
    static void sign(Path unsigned, Path signed, SigningKey key) throws IOException {
        JarSigner signer;
        try {
            signer = new JarSigner.Builder(key.privateKey(),
                    CertificateFactory.getInstance("X.509").generateCertPath(key.chain()))
                    .digestAlgorithm("SHA-256").signerName(key.signerName()).build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot sign with the key of " + key.subject() + ": " + e.getMessage(), e);
        }
        Path folder = signed.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + signed.getFileName(), ".tmp");
        try {
            try (ZipFile in = new ZipFile(unsigned.toFile()); OutputStream out = Files.newOutputStream(temp)) {
                signer.sign(in, out);
            } catch (JarSignerException e) {
                throw new IOException("cannot sign " + signed.getFileName() + " with the key of " + key.subject() + ": "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
            Files.move(temp, signed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
