package io.nativebundle.loader.internal.trust;

import java.io.ByteArrayInputStream;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether one signer of a jar is trusted: its certificate chain, as the signature carries it,
 * leads to a certificate of the store (PKIX, at the current time, so an expired certificate in the
 * chain fails); no certificate of the chain is revoked by a CRL of the store whose signature its
 * issuer made; and a signer certificate that limits its extended key usage allows code signing.
 * Revocation is read from the store's CRLs only: no OCSP, no CRL download.
 */
final class SignerCheck {

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private SignerCheck() {
    }

    /** Why {@code signer} is not trusted by {@code anchors} now; empty when it is. */
    static Optional<String> problem(CodeSigner signer, TrustAnchors anchors, Date now) {
        List<X509Certificate> chain = chain(signer.getSignerCertPath());
        if (chain.isEmpty()) {
            return Optional.of("its signature carries no X.509 certificate");
        }
        X509Certificate leaf = chain.get(0);
        try {
            List<String> usage = leaf.getExtendedKeyUsage();
            if (usage != null && !usage.contains(CODE_SIGNING) && !usage.contains(ANY_USAGE)) {
                return Optional.of("its certificate is not for code signing (extended key usage " + usage + ")");
            }
        } catch (GeneralSecurityException e) {
            return Optional.of("its certificate's extended key usage cannot be read: " + e.getMessage());
        }
        List<X509Certificate> validated;
        X509Certificate anchor;
        int trusted = firstTrusted(chain, anchors);
        try {
            if (trusted == 0) {
                leaf.checkValidity(now); // the store trusts the signer's own certificate
                validated = List.of(leaf);
                anchor = leaf;
            } else {
                validated = trusted < 0 ? chain : chain.subList(0, trusted);
                anchor = validate(validated, anchors, now);
            }
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return Optional.of(validity(leaf, now));
        } catch (CertPathValidatorException e) {
            if (e.getCause() instanceof CertificateExpiredException || e.getCause() instanceof CertificateNotYetValidException) {
                X509Certificate failed = e.getIndex() >= 0 && e.getIndex() < chain.size() ? chain.get(e.getIndex()) : leaf;
                return Optional.of(validity(failed, now));
            }
            return Optional.of("its certificate chain does not lead to a trusted certificate: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return Optional.of("its certificate chain cannot be validated: " + e.getMessage());
        }
        return revoked(validated, anchor, anchors);
    }

    /** {@code CN=Acme Signer, O=Acme (issued by CN=Acme Plugins CA, O=Acme)}, or a note when it carries no certificate. */
    static String describe(CodeSigner signer) {
        List<X509Certificate> chain = chain(signer.getSignerCertPath());
        if (chain.isEmpty()) {
            return "a signer without an X.509 certificate";
        }
        X509Certificate leaf = chain.get(0);
        return leaf.getSubjectX500Principal().getName() + " (issued by " + leaf.getIssuerX500Principal().getName() + ")";
    }

    /**
     * The signer as the signature block names it, for a signature the JDK rejected before it said who
     * made it (the content was changed): the certificate of the block that issued no other.
     */
    static String describe(SignedContent.SignaturePair pair) {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(
                    new ByteArrayInputStream(pair.block()), "PKCS7");
            List<X509Certificate> certificates = chain(path);
            for (X509Certificate candidate : certificates) {
                boolean issuer = certificates.stream().anyMatch(other -> other != candidate
                        && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal()));
                if (!issuer) {
                    return candidate.getSubjectX500Principal().getName() + " (issued by "
                            + candidate.getIssuerX500Principal().getName() + ")";
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // not a PKCS#7 block we can read: name the file
        }
        return "the signature " + pair.file();
    }

    private static List<X509Certificate> chain(CertPath path) {
        List<X509Certificate> chain = new ArrayList<>();
        for (var certificate : path.getCertificates()) {
            if (certificate instanceof X509Certificate x509) {
                chain.add(x509);
            }
        }
        return chain;
    }

    /** The index of the first certificate of the chain the store trusts itself; -1 for none. */
    private static int firstTrusted(List<X509Certificate> chain, TrustAnchors anchors) {
        for (int i = 0; i < chain.size(); i++) {
            if (anchors.trusts(chain.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** PKIX without revocation (that is {@link #revoked}'s job): returns the trust anchor's certificate. */
    private static X509Certificate validate(List<X509Certificate> path, TrustAnchors anchors, Date now)
            throws GeneralSecurityException {
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        for (X509Certificate certificate : anchors.certificates()) {
            trustAnchors.add(new TrustAnchor(certificate, null));
        }
        PKIXParameters parameters = new PKIXParameters(trustAnchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(now);
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(certPath, parameters);
        return result.getTrustAnchor().getTrustedCert();
    }

    /** Each certificate of the path against the CRLs its issuer signed. */
    private static Optional<String> revoked(List<X509Certificate> path, X509Certificate anchor, TrustAnchors anchors) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            for (X509CRL crl : anchors.crls()) {
                if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                        || !signedBy(crl, issuer.getPublicKey())) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    return Optional.of("certificate " + certificate.getSubjectX500Principal().getName() + " (serial "
                            + certificate.getSerialNumber().toString(16) + ") was revoked on " + entry.getRevocationDate()
                            + " by the CRL of " + crl.getIssuerX500Principal().getName());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509CRL crl, PublicKey key) {
        try {
            crl.verify(key);
            return true;
        } catch (GeneralSecurityException e) {
            return false; // not this issuer's list: it says nothing about the certificate
        }
    }

    private static String validity(X509Certificate certificate, Date now) {
        String subject = certificate.getSubjectX500Principal().getName();
        return now.after(certificate.getNotAfter())
                ? "certificate " + subject + " expired on " + certificate.getNotAfter()
                : "certificate " + subject + " is not valid before " + certificate.getNotBefore();
    }
}
