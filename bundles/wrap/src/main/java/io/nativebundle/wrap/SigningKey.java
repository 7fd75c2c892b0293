package io.nativebundle.wrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The private key and certificate chain that sign what {@link NativeWrapper} writes: a bundle jar
 * ({@link NativeWrapper#wrap(Path, Path, Path, SigningKey)}) or the detached signature of a
 * {@code .nativebundle} drop-in ({@link NativeWrapper#signDetached(Path, SigningKey)}).
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromKeystore(Path.of("signer.p12"), null, "secret".toCharArray(), null, null);
 * NativeWrapper.wrap(null, Path.of("libmath.nativebundle"), Path.of("math.jar"), key);
 * }</pre>
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String signerName;

    private SigningKey(PrivateKey privateKey, List<X509Certificate> chain, String signerName) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate chain; none was given");
        }
        this.signerName = signerName;
    }

    /**
     * @param chain the key's certificate chain, its own certificate first
     */
    public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new SigningKey(privateKey, chain, "SIGNER");
    }

    /**
     * Reads a key entry of a keystore, as {@code jarsigner -keystore} does.
     *
     * @param keystore      a PKCS#12 or JKS keystore file
     * @param type          {@code PKCS12} or {@code JKS}; null: {@code JKS} for a {@code .jks} file, else {@code PKCS12}
     * @param storePassword the keystore's password; null for none
     * @param alias         the key entry; null: the keystore must hold exactly one private key
     * @param keyPassword   the key's password; null: the keystore's
     * @throws IOException naming the keystore and what is wrong: missing, unreadable, a wrong password, no such
     *                     key entry, several keys and no alias, or a key without an X.509 chain
     */
    public static SigningKey fromKeystore(Path keystore, String type, char[] storePassword, String alias,
                                          char[] keyPassword) throws IOException {
        String storeType = type != null ? type : keystore.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".jks") ? "JKS" : "PKCS12";
        String where = "the keystore " + keystore + " (" + storeType + ")";
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance(storeType);
            store.load(in, storePassword);
        } catch (NoSuchFileException e) {
            throw new IOException("the keystore " + keystore + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + where + ": " + (e.getCause() instanceof UnrecoverableKeyException
                    ? "the keystore password is wrong" : e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + where + ": " + e.getMessage(), e);
        }
        try {
            String entry = alias != null ? alias : onlyKey(store, where);
            if (!store.containsAlias(entry)) {
                throw new IOException(where + " has no entry '" + entry + "'; its private keys: "
                        + String.join(", ", keys(store)));
            }
            if (!store.isKeyEntry(entry)) {
                throw new IOException("entry '" + entry + "' of " + where + " is a certificate, not a private key;"
                        + " its private keys: " + String.join(", ", keys(store)));
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, keyPassword != null ? keyPassword : storePassword);
            Certificate[] certificates = store.getCertificateChain(entry);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates == null ? new Certificate[0] : certificates) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new IOException("entry '" + entry + "' of " + where + " has a " + certificate.getType()
                            + " certificate; expected X.509");
                }
                chain.add(x509);
            }
            if (chain.isEmpty()) {
                throw new IOException("entry '" + entry + "' of " + where + " has no certificate chain");
            }
            return new SigningKey(key, chain, signerName(entry));
        } catch (UnrecoverableKeyException e) {
            throw new IOException("cannot read the key '" + (alias != null ? alias : "") + "' of " + where
                    + ": its password is wrong (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key of " + where + ": " + e.getMessage(), e);
        }
    }

    /** The key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate chain, the key's own certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * The base name of the signature files, {@code META-INF/<name>.SF}: from the alias as
     * {@code jarsigner} makes it (its first 8 characters, upper case, others than letters, digits,
     * {@code _} and {@code -} made {@code _}).
     */
    public String signerName() {
        return signerName;
    }

    /** The subject of the key's certificate, e.g. {@code CN=Acme Signer,O=Acme}. */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return subject();
    }

    private static String onlyKey(KeyStore store, String where) throws IOException, GeneralSecurityException {
        List<String> keys = keys(store);
        if (keys.size() != 1) {
            throw new IOException(where + " holds " + (keys.isEmpty() ? "no private key, so it cannot sign"
                    : keys.size() + " private keys (" + String.join(", ", keys) + "); name the one to sign with (alias)"));
        }
        return keys.get(0);
    }

    private static List<String> keys(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        Collections.sort(keys);
        return keys;
    }

    private static String signerName(String alias) {
        StringBuilder name = new StringBuilder();
        for (char c : alias.toUpperCase(Locale.ROOT).toCharArray()) {
            if (name.length() == 8) {
                break;
            }
            name.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '_');
        }
        return name.length() == 0 ? "SIGNER" : name.toString();
    }
}
