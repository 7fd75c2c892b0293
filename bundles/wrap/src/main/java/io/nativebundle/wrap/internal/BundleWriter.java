package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Writes a bundle jar that is the same, byte for byte, every time it is written from the same
 * inputs, so a CI pipeline gets reproducible artifacts: fixed entry times, entries in a fixed
 * order, the manifest first (where {@code JarInputStream}, and so FileInstall, looks for it).
 * The jar appears at its path atomically: nobody, FileInstall included, sees half of it.
 */
final class BundleWriter {

    /** The time of every entry: the earliest a zip file can record, as reproducible builds use. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private final Map<String, String> headers;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    BundleWriter(Map<String, String> headers) {
        this.headers = headers;
    }

    /** Adds a file entry; its parent folders get entries of their own. */
    BundleWriter add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    void write(Path jar) throws IOException {
        Path folder = jar.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + jar.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(out);
            }
            Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void write(OutputStream out) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(out)) {
            folder(jar, "META-INF/");
            jar.putNextEntry(entry(JarFile.MANIFEST_NAME));
            manifest().write(jar);
            jar.closeEntry();
            Set<String> folders = new LinkedHashSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    folders.add(name.substring(0, slash + 1));
                }
            }
            folders.remove("META-INF/");
            for (String folder : folders) {
                folder(jar, folder);
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(entry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
        return manifest;
    }

    private static void folder(JarOutputStream jar, String name) throws IOException {
        jar.putNextEntry(entry(name));
        jar.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }
}
