package io.nativebundle.loader.internal.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a trust store comes from: a keystore, a folder of PEM certificates (whose {@code *.crl}
 * files are revocation lists), or both, and optional CRLs. Read from keys such as
 * {@code io.nativebundle.trust.keystore} (the runtime's) or
 * {@code io.nativebundle.tenant.acme.trust.keystore} (one tenant's): {@code <prefix>keystore},
 * {@code keystore.type} (default {@code PKCS12}), {@code keystore.password}, {@code certificates},
 * {@code crls}.
 *
 * @param source names where the settings came from in messages, e.g. {@code io.nativebundle.trust.keystore=/etc/trust.p12}
 */
public record TrustSettings(Optional<Path> keystore, String keystoreType, char[] password, Optional<Path> certificates,
                            Optional<Path> crls, String source) {

    public static final String KEYSTORE = "keystore";
    public static final String KEYSTORE_TYPE = "keystore.type";
    public static final String KEYSTORE_PASSWORD = "keystore.password";
    public static final String CERTIFICATES = "certificates";
    public static final String CRLS = "crls";
    static final String DEFAULT_TYPE = "PKCS12";

    /**
     * @param keys   looks a key up under {@code prefix}, e.g. the framework properties
     * @param prefix e.g. {@code io.nativebundle.trust.}
     * @return empty when neither a keystore nor a certificates folder is set: no trust is required
     */
    public static Optional<TrustSettings> read(Function<String, String> keys, String prefix) {
        Optional<String> keystore = value(keys, prefix + KEYSTORE);
        Optional<String> certificates = value(keys, prefix + CERTIFICATES);
        if (keystore.isEmpty() && certificates.isEmpty()) {
            return Optional.empty();
        }
        String password = value(keys, prefix + KEYSTORE_PASSWORD).orElse(null);
        StringBuilder source = new StringBuilder();
        keystore.ifPresent(k -> source.append(prefix).append(KEYSTORE).append('=').append(k));
        certificates.ifPresent(c -> source.append(source.length() == 0 ? "" : ", ").append(prefix).append(CERTIFICATES)
                .append('=').append(c));
        return Optional.of(new TrustSettings(keystore.map(Path::of),
                value(keys, prefix + KEYSTORE_TYPE).orElse(DEFAULT_TYPE), password == null ? null : password.toCharArray(),
                certificates.map(Path::of), value(keys, prefix + CRLS).map(Path::of), source.toString()));
    }

    /**
     * A store named on the command line ({@code native:verify --trust}): a keystore by its
     * extension ({@code .jks}: JKS, else PKCS12), or a folder or single file of PEM certificates.
     */
    public static TrustSettings of(Path store, String password) {
        String name = store.getFileName() == null ? "" : store.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pem = Files.isDirectory(store) || name.endsWith(".pem") || name.endsWith(".crt")
                || name.endsWith(".cer");
        String source = "--trust " + store;
        if (pem) {
            return new TrustSettings(Optional.empty(), DEFAULT_TYPE, null, Optional.of(store), Optional.empty(), source);
        }
        return new TrustSettings(Optional.of(store), name.endsWith(".jks") ? "JKS" : DEFAULT_TYPE,
                password == null ? null : password.toCharArray(), Optional.empty(), Optional.empty(), source);
    }

    private static Optional<String> value(Function<String, String> keys, String key) {
        String value = keys.apply(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustSettings t && keystore.equals(t.keystore) && keystoreType.equals(t.keystoreType)
                && Arrays.equals(password, t.password) && certificates.equals(t.certificates)
                && crls.equals(t.crls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keystore, keystoreType, certificates, crls);
    }

    @Override
    public String toString() {
        return source;
    }
}
