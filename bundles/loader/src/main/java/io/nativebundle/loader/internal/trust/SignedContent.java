package io.nativebundle.loader.internal.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * What a signature is checked against, by the names the signature uses: the raw manifest, the
 * signature files ({@code META-INF/*.SF} and their {@code .RSA}, {@code .DSA} or {@code .EC}
 * blocks), and the entries that must be covered, each read from where the loader takes it (the
 * native files from their staged copies in the cache, which are the bytes that are opened).
 */
final class SignedContent {

    /** Opens one entry's bytes. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;

        static Content of(byte[] bytes) {
            return () -> new ByteArrayInputStream(bytes);
        }

        static Content of(Path file) {
            return () -> Files.newInputStream(file);
        }
    }

    /** One signer's files: {@code META-INF/X.SF} and its block {@code META-INF/X.RSA}. */
    record SignaturePair(String file, byte[] sf, String blockName, byte[] block) {
    }

    private final byte[] manifest;
    private final Map<String, byte[]> signatureFiles;
    private final Map<String, Content> entries = new LinkedHashMap<>();

    /**
     * @param manifest       the raw {@code META-INF/MANIFEST.MF}, as signed; null when there is none
     * @param signatureFiles every {@code META-INF/} file that belongs to a signature, by name
     */
    SignedContent(byte[] manifest, Map<String, byte[]> signatureFiles) {
        this.manifest = manifest;
        this.signatureFiles = Map.copyOf(signatureFiles);
    }

    /** Adds an entry the signature must cover; a later one of the same name replaces the first. */
    SignedContent entry(String name, Content content) {
        entries.put(name, content);
        return this;
    }

    byte[] manifest() {
        return manifest;
    }

    Map<String, Content> entries() {
        return entries;
    }

    /** The names of the entries to cover, in order. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** Each {@code .SF} file with its block, in name order; a {@code .SF} without a block is left out. */
    List<SignaturePair> pairs() {
        return signatureFiles.keySet().stream().sorted()
                .filter(name -> name.toUpperCase(Locale.ROOT).endsWith(".SF"))
                .map(this::pairOf).flatMap(Optional::stream).toList();
    }

    /** Whether {@code name} is a file that belongs to a jar signature, as the JDK's jar verifier reads them. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0
                || upper.equals(JarFile.MANIFEST_NAME)) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC");
    }

    private Optional<SignaturePair> pairOf(String sf) {
        String stem = sf.substring(0, sf.length() - 3);
        for (String extension : List.of(".RSA", ".DSA", ".EC")) {
            for (Map.Entry<String, byte[]> file : signatureFiles.entrySet()) {
                if (file.getKey().equalsIgnoreCase(stem + extension)) {
                    return Optional.of(new SignaturePair(sf, signatureFiles.get(sf), file.getKey(), file.getValue()));
                }
            }
        }
        return Optional.empty();
    }
}
