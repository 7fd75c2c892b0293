package io.nativebundle.loader.internal.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Checks signatures the JDK's way: for each signer of the content, a jar holding the signed
 * manifest, that signer's {@code .SF} file and block, and the entries to cover is written to a
 * scratch folder and opened as a verifying {@link JarFile}; every entry is read to its end (which
 * makes the JDK compare its digest with the manifest's, and the manifest's with the {@code .SF}
 * file's, throwing on a mismatch), then {@link JarEntry#getCodeSigners()} says who signed it.
 *
 * <p>The content is trusted when one signer signed every entry, its {@code .SF} file covers the
 * manifest's main attributes (so the headers of a bundle are signed too), and {@link SignerCheck}
 * trusts it. One jar per signer tells the signers apart: the JDK does not say which {@code .SF}
 * file a {@code CodeSigner} came from.
 */
final class SignatureVerifier {

    private static final String MAIN_ATTRIBUTES_DIGEST = "-DIGEST-MANIFEST-MAIN-ATTRIBUTES";

    private SignatureVerifier() {
    }

    /**
     * @param coverMainAttributes whether the signature must cover the manifest's main attributes:
     *                            true for a bundle, whose headers the loader acts on
     * @param scratch             a folder to write the verification jars in; they are deleted again
     * @return the trusted signer, e.g. {@code CN=Acme Signer, O=Acme (issued by CN=Acme Plugins CA, O=Acme)}
     * @throws UntrustedException naming the signers found (or {@code unsigned}) and why each is not trusted
     */
    static String verify(SignedContent content, boolean coverMainAttributes, TrustAnchors anchors, Path scratch)
            throws UntrustedException, IOException {
        List<SignedContent.SignaturePair> pairs = content.pairs();
        if (content.manifest() == null || pairs.isEmpty()) {
            throw new UntrustedException("unsigned: it carries no signature (no META-INF/*.SF file with its"
                    + " block)");
        }
        List<String> problems = new ArrayList<>();
        Date now = new Date();
        for (SignedContent.SignaturePair pair : pairs) {
            Outcome outcome = verifyPair(content, pair, coverMainAttributes, scratch);
            String signer = outcome.signer().map(SignerCheck::describe).orElseGet(() -> SignerCheck.describe(pair));
            if (outcome.problem().isPresent()) {
                problems.add("signed by " + signer + ": " + outcome.problem().get());
                continue;
            }
            Optional<String> distrust = SignerCheck.problem(outcome.signer().get(), anchors, now);
            if (distrust.isEmpty()) {
                return signer;
            }
            problems.add("signed by " + signer + ": " + distrust.get());
        }
        throw new UntrustedException(String.join("; ", problems));
    }

    /** The signer of one pair, or why the content does not carry it intact. */
    private record Outcome(Optional<CodeSigner> signer, Optional<String> problem) {

        static Outcome problem(String problem) {
            return new Outcome(Optional.empty(), Optional.of(problem));
        }
    }

    private static Outcome verifyPair(SignedContent content, SignedContent.SignaturePair pair, boolean coverMainAttributes,
                                      Path scratch) throws IOException {
        if (coverMainAttributes && !coversMainAttributes(pair.sf())) {
            return Outcome.problem("its " + pair.file() + " does not cover the manifest's main attributes (no "
                    + "*-Digest-Manifest-Main-Attributes), so the bundle's headers are not signed");
        }
        Path jar = Files.createTempFile(scratch, ".signature-", ".jar");
        try {
            write(jar, content, pair);
            return signerOf(jar, content.names());
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    private static Outcome signerOf(Path file, List<String> names) throws IOException {
        CodeSigner signer = null;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            for (String name : names) {
                JarEntry entry = jar.getJarEntry(name);
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    return new Outcome(Optional.ofNullable(signer), Optional.of(name
                            + " is not covered by the signature (added after signing, or left out of it)"));
                }
                if (signer == null) {
                    signer = signers[0];
                }
            }
        } catch (SecurityException e) {
            return new Outcome(Optional.ofNullable(signer), Optional.of("the content was changed after signing: "
                    + e.getMessage()));
        }
        return signer == null ? Outcome.problem("no entry to check") : new Outcome(Optional.of(signer), Optional.empty());
    }

    private static boolean coversMainAttributes(byte[] sf) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(sf));
        return manifest.getMainAttributes().keySet().stream()
                .anyMatch(key -> key.toString().toUpperCase(Locale.ROOT).endsWith(MAIN_ATTRIBUTES_DIGEST));
    }

    private static void write(Path file, SignedContent content, SignedContent.SignaturePair pair) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            add(out, JarFile.MANIFEST_NAME, new ByteArrayInputStream(content.manifest()));
            add(out, pair.file(), new ByteArrayInputStream(pair.sf()));
            add(out, pair.blockName(), new ByteArrayInputStream(pair.block()));
            for (Map.Entry<String, SignedContent.Content> entry : content.entries().entrySet()) {
                try (InputStream in = entry.getValue().open()) {
                    add(out, entry.getKey(), in);
                }
            }
        }
    }

    private static void add(JarOutputStream out, String name, InputStream in) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }
}
