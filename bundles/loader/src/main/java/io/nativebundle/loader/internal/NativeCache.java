package io.nativebundle.loader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

import io.nativebundle.api.RefusalReason;

/**
 * The loader's own cache of native files: one folder per loaded generation of a bundle, so that
 * an update never reopens a path the dynamic linker already knows (jffi caches handles by path).
 * Files are written to a temporary name and renamed atomically, so a half-written library is
 * never opened, not even by a second runtime sharing the cache.
 */
final class NativeCache {

    private final Path root;

    NativeCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Creates the folder of one generation: {@code <root>/bundle<id>/g<generation>}. */
    Path createFolder(Bundle bundle, long generation) throws IOException {
        Path folder = root.resolve("bundle" + bundle.getBundleId()).resolve("g" + generation);
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * Copies one jar entry into {@code folder}, keeping its file name so that same-bundle
     * dependencies are found next to it by soname.
     */
    Path copy(Bundle bundle, String entry, Path folder) throws LoadRefusal, IOException {
        URL url = bundle.getEntry(entry);
        if (url == null) {
            throw new LoadRefusal(RefusalReason.NO_NATIVE_CODE, "entry '" + entry
                    + "' named by Bundle-NativeCode is missing from the bundle");
        }
        String fileName = entry.substring(entry.lastIndexOf('/') + 1);
        Path target = folder.resolve(fileName).normalize();
        if (fileName.isEmpty() || !target.getParent().equals(folder)) {
            throw new LoadRefusal(RefusalReason.UNSAFE_PATH, "entry '" + entry + "' does not name a file");
        }
        Path part = Files.createTempFile(folder, "." + fileName + ".", ".part");
        try {
            try (InputStream in = url.openStream();
                 FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                in.transferTo(out);
                channel.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    /** Deletes a generation's folder; the loader calls it once the library is closed. */
    void delete(Path folder) {
        if (folder == null || !folder.startsWith(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder is harmless: the next generation uses a new one
        }
        Path bundleFolder = folder.getParent();
        if (bundleFolder != null) {
            bundleFolder.toFile().delete(); // only succeeds when empty
        }
    }
}
