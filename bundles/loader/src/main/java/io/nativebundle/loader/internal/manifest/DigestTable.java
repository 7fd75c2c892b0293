package io.nativebundle.loader.internal.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeBundleConstants;

/** The expected SHA-256 of each native entry, from {@code NativeBundle-Digest}. */
public final class DigestTable {

    private static final String HEADER = NativeBundleConstants.HEADER_DIGEST;

    private final Map<String, String> digests;

    private DigestTable(Map<String, String> digests) {
        this.digests = digests;
    }

    public static DigestTable parse(String header) throws MalformedHeaderException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (HeaderClause clause : HeaderParser.parse(HEADER, header)) {
            String sha = clause.attribute(NativeBundleConstants.ATTR_SHA256).orElseThrow(() ->
                    new MalformedHeaderException(HEADER + ": entry '" + clause.name() + "' has no sha256 attribute"));
            if (!sha.matches("[0-9a-fA-F]{64}")) {
                throw new MalformedHeaderException(HEADER + ": sha256 of '" + clause.name()
                        + "' must be 64 hex digits but is '" + sha + "'");
            }
            for (String path : clause.paths()) {
                digests.put(path, sha.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new DigestTable(digests);
    }

    /** The entries listed, in the header's order. */
    public List<String> entries() {
        return List.copyOf(digests.keySet());
    }

    public Optional<String> expected(String entry) {
        return Optional.ofNullable(digests.get(entry));
    }
}
