package io.nativebundle.loader.internal.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The certificates a trust store trusts, and the revocation lists that come with it, read from
 * the files {@link TrustSettings} names. Every certificate of a keystore counts (trusted
 * certificate entries and the certificates of key entries), and every certificate of a PEM or DER
 * file ({@code .pem}, {@code .crt}, {@code .cer}, {@code .der}) in the certificates folder; {@code .crl}
 * files there, and at {@code crls}, are CRLs. A file that does not parse makes the whole store
 * unusable: better refuse every bundle than trust a store half read.
 */
final class TrustAnchors {

    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;
    private final String source;

    TrustAnchors(List<X509Certificate> certificates, List<X509CRL> crls, String source) {
        this.certificates = List.copyOf(certificates);
        this.crls = List.copyOf(crls);
        this.source = source;
    }

    static TrustAnchors load(TrustSettings settings) throws TrustException {
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        try {
            if (settings.keystore().isPresent()) {
                readKeystore(settings, certificates);
            }
            if (settings.certificates().isPresent()) {
                readFolder(settings.certificates().get(), certificates, crls, true);
            }
            if (settings.crls().isPresent()) {
                readFolder(settings.crls().get(), certificates, crls, false);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TrustException("the trust store (" + settings.source() + ") cannot be read: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new TrustException("the trust store (" + settings.source() + ") holds no certificate, so no"
                    + " signature can be trusted", null);
        }
        return new TrustAnchors(certificates, crls, settings.source());
    }

    List<X509Certificate> certificates() {
        return certificates;
    }

    List<X509CRL> crls() {
        return crls;
    }

    /** Where the store was read from, e.g. {@code io.nativebundle.trust.keystore=/etc/nativebundle/trust.p12}. */
    String source() {
        return source;
    }

    /** The subjects of the trusted certificates, for messages: {@code CN=Acme Plugins CA, O=Acme; CN=...}. */
    String subjects() {
        return String.join("; ", certificates.stream().map(c -> c.getSubjectX500Principal().getName())
                .distinct().toList());
    }

    boolean trusts(X509Certificate certificate) {
        return certificates.contains(certificate);
    }

    private static void readKeystore(TrustSettings settings, List<X509Certificate> into)
            throws IOException, GeneralSecurityException {
        Path file = settings.keystore().get();
        KeyStore store = KeyStore.getInstance(settings.keystoreType());
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, settings.password());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                into.add(certificate);
            }
        }
    }

    private static void readFolder(Path path, List<X509Certificate> certificates, List<X509CRL> crls,
                                   boolean withCertificates) throws IOException, GeneralSecurityException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IOException(path + " is neither a file nor a folder");
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            try (InputStream in = Files.newInputStream(file)) {
                if (name.endsWith(".crl")) {
                    for (CRL crl : factory.generateCRLs(in)) {
                        crls.add((X509CRL) crl);
                    }
                } else if (withCertificates && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                        || name.endsWith(".der"))) {
                    for (Certificate certificate : factory.generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new GeneralSecurityException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
