package io.nativebundle.loader.internal.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The trust stores in use, each read once and read again when one of its files changes (its
 * size or modification time), so that an operator who adds a certificate or a CRL needs no
 * restart: the next load sees it.
 */
final class TrustStores {

    private record Loaded(List<String> stamp, TrustAnchors anchors) {
    }

    private final Map<TrustSettings, Loaded> loaded = new ConcurrentHashMap<>();

    TrustAnchors of(TrustSettings settings) throws TrustException {
        List<String> stamp = stamp(settings);
        Loaded cached = loaded.get(settings);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.anchors();
        }
        TrustAnchors anchors = TrustAnchors.load(settings);
        loaded.put(settings, new Loaded(stamp, anchors));
        return anchors;
    }

    private static List<String> stamp(TrustSettings settings) {
        List<String> stamp = new ArrayList<>();
        for (Optional<Path> path : List.of(settings.keystore(), settings.certificates(), settings.crls())) {
            path.ifPresent(p -> stampOf(p, stamp));
        }
        return stamp;
    }

    private static void stampOf(Path path, List<String> stamp) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.sorted().forEach(f -> stampOf(f, stamp));
                }
            } else {
                stamp.add(path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis());
            }
        } catch (IOException e) {
            stamp.add(path + ": " + e); // reading it fails, and says why
        }
    }
}
