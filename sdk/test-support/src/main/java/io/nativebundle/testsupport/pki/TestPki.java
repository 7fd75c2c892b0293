package io.nativebundle.testsupport.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipFile;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import jdk.security.jarsigner.JarSigner;

/**
 * A throw-away certificate authority for trust tests, made fresh in every run (nothing is
 * committed): a CA, code signers it issues (valid, expired, revoked, or for another purpose), a
 * self-signed stranger, CRLs, keystores, and jar signing with the JDK's own {@link JarSigner}.
 * It needs BouncyCastle ({@code bcpkix}) on the test class path; in a framework it runs where the
 * test is configured, outside it.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * TestPki.Signer signer = pki.issue("Acme Signer");
 * pki.writeTrustFolder(dir.resolve("trusted"));              // ca.pem and an empty ca.crl
 * signer.sign(dir.resolve("math.jar"), dir.resolve("math-signed.jar"));
 * signer.writeKeystore(dir.resolve("signer.p12"), "PKCS12", "secret".toCharArray(), "signer");
 * }</pre>
 */
public final class TestPki {

    /** The extended key usage of a code signer. */
    public static final String CODE_SIGNING = KeyPurposeId.id_kp_codeSigning.getId();
    /** The extended key usage of a TLS server: a certificate that must not sign code. */
    public static final String SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key pair with its certificate chain, the signer's own first. */
    public record Signer(KeyPair keys, List<X509Certificate> chain) {

        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** The chain as a {@link CertPath}, the signer's certificate first. */
        public CertPath certPath() throws GeneralSecurityException {
            return CertificateFactory.getInstance("X.509").generateCertPath(chain);
        }

        /** Signs {@code jar} into {@code signed} (SHA-256, the JDK's defaults otherwise). */
        public Path sign(Path jar, Path signed) throws IOException, GeneralSecurityException {
            JarSigner signer = new JarSigner.Builder(keys.getPrivate(), certPath()).digestAlgorithm("SHA-256")
                    .signerName("SIGNER").build();
            try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                signer.sign(in, out);
            }
            return signed;
        }

        /** Writes a keystore ({@code PKCS12} or {@code JKS}) holding this signer's key and chain under {@code alias}. */
        public Path writeKeystore(Path file, String type, char[] password, String alias)
                throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            store.setKeyEntry(alias, keys.getPrivate(), password, chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            return file;
        }
    }

    private final Signer ca;

    private TestPki(Signer ca) {
        this.ca = ca;
    }

    /** A new CA, {@code CN=nativebundle test CA,O=nativebundle tests}, valid from an hour ago for a year. */
    public static TestPki create() throws GeneralSecurityException {
        return create("nativebundle test CA");
    }

    /** A new CA, {@code CN=<commonName>,O=nativebundle tests}, valid from an hour ago for a year. */
    public static TestPki create(String commonName) throws GeneralSecurityException {
        KeyPair keys = keys();
        // BC writes the RDNs in this order; the JDK prints them reversed: CN=nativebundle test CA,O=nativebundle tests
        X500Name name = new X500Name("O=nativebundle tests, CN=" + commonName);
        X509Certificate certificate = certificate(name, keys, name, keys, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofDays(365), true, new String[0]);
        return new TestPki(new Signer(keys, List.of(certificate)));
    }

    public Signer ca() {
        return ca;
    }

    /**
     * A signer the CA issued, valid from {@code from} for {@code validity}.
     *
     * @param extendedKeyUsages the OIDs of its extended key usage, e.g. {@link #SERVER_AUTH}; none: code signing
     */
    public Signer issue(String commonName, Instant from, Duration validity, String... extendedKeyUsages)
            throws GeneralSecurityException {
        KeyPair keys = keys();
        X509Certificate certificate = certificate(new X500Name("O=nativebundle tests, CN=" + commonName), keys,
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keys(), from, validity,
                false, extendedKeyUsages.length == 0 ? new String[] {CODE_SIGNING} : extendedKeyUsages);
        return new Signer(keys, List.of(certificate, ca.certificate()));
    }

    /** A valid code signer the CA issued. */
    public Signer issue(String commonName) throws GeneralSecurityException {
        return issue(commonName, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(30));
    }

    /** A self-signed code signer no store trusts. */
    public static Signer stranger(String commonName) throws GeneralSecurityException {
        KeyPair keys = keys();
        X500Name name = new X500Name("CN=" + commonName);
        return new Signer(keys, List.of(certificate(name, keys, name, keys, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofDays(30), false, new String[] {CODE_SIGNING})));
    }

    /** Writes the CA's certificate as {@code ca.pem} and a CRL revoking {@code revoked} as {@code ca.crl}. */
    public Path writeTrustFolder(Path folder, X509Certificate... revoked) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        writePem(folder.resolve("ca.pem"), ca.certificate());
        writeCrl(folder.resolve("ca.crl"), revoked);
        return folder;
    }

    /** Writes a CRL of the CA (DER) that revokes {@code revoked}. */
    public Path writeCrl(Path file, X509Certificate... revoked) throws IOException, GeneralSecurityException {
        X509v2CRLBuilder crl = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), new Date());
        crl.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(7))));
        for (X509Certificate certificate : revoked) {
            crl.addCRLEntry(certificate.getSerialNumber(), new Date(), CRLReason.keyCompromise);
        }
        X509CRLHolder holder = crl.build(signer(ca.keys()));
        return Files.write(file, holder.getEncoded());
    }

    /** Writes a keystore ({@code PKCS12} or {@code JKS}) of trusted-certificate entries: no key, as a trust store. */
    public static Path writeTrustKeystore(Path file, String type, char[] password, X509Certificate... trusted)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            store.setCertificateEntry("trusted-" + i, trusted[i]);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** Writes a certificate in PEM. */
    public static void writePem(Path file, X509Certificate certificate) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                               Instant from, Duration validity, boolean ca, String[] extendedKeyUsages)
            throws GeneralSecurityException {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(from.plus(validity)),
                    subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (extendedKeyUsages.length > 0) {
                KeyPurposeId[] usages = new KeyPurposeId[extendedKeyUsages.length];
                for (int i = 0; i < usages.length; i++) {
                    usages[i] = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(extendedKeyUsages[i]));
                }
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKeys)));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static ContentSigner signer(KeyPair keys) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
