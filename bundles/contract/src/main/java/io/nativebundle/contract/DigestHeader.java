package io.nativebundle.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grammar of {@code NativeBundle-Digest}: the SHA-256 of each native file of the bundle, by
 * its jar entry, as the bnd plugin and the wrapper write it and the loader checks it right before
 * opening the file.
 * <pre>
 * NativeBundle-Digest: native/linux/x86-64/libmath.so;sha256=&lt;64 hex&gt;, native/linux/aarch64/libmath.so;sha256=&lt;64 hex&gt;
 * </pre>
 */
public final class DigestHeader {

    private DigestHeader() {
    }

    /**
     * Reads the header.
     *
     * @return the lowercase digest of each entry, in header order
     * @throws MalformedHeaderException when it does not parse, or an entry lacks a well-formed digest
     */
    public static Map<String, String> parse(String text) throws MalformedHeaderException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (HeaderClause clause : ManifestHeader.parse(Headers.DIGEST, text)) {
            String sha = clause.attribute(Headers.ATTR_SHA256).orElseThrow(() -> new MalformedHeaderException(
                    Headers.DIGEST + ": entry '" + clause.name() + "' has no sha256 attribute"));
            if (!Sha256.isDigest(sha)) {
                throw new MalformedHeaderException(Headers.DIGEST + ": sha256 of '" + clause.name()
                        + "' must be 64 hex digits but is '" + sha + "'");
            }
            for (String path : clause.paths()) {
                digests.put(path, Sha256.normalize(sha));
            }
        }
        return digests;
    }

    /** The header value for {@code entry -> digest} pairs, in the map's order. */
    public static String format(Map<String, String> digests) {
        return digests.entrySet().stream().map(e -> clause(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** {@code native/linux/x86-64/libmath.so;sha256=<hex>}. */
    public static String clause(String entry, String sha256) {
        return entry + ";" + Headers.ATTR_SHA256 + "=" + Sha256.normalize(sha256);
    }
}
