package io.nativebundle.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.Sha256;

/**
 * Builds broken or altered bundles from a real jar: replace an entry's bytes, change a header,
 * rename the library inside its build note, give it a new symbolic name so it can sit next to the
 * original, and recompute {@code NativeBundle-Digest} (or leave it wrong on purpose).
 *
 * <pre>{@code
 * File tampered = BundleRewriter.of(jar("math")).symbolicName("tampered")
 *         .entry("native/linux/x86-64/libmath.so", garbage).write(work);
 * }</pre>
 */
public final class BundleRewriter {

    /** Where a native bundle keeps its libraries: the entries {@link #fixDigests} covers. */
    private static final String NATIVE_FOLDER = "native/";

    private final Manifest manifest;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private BundleRewriter(BundleRewriter original) {
        manifest = new Manifest(original.manifest);
        entries.putAll(original.entries);
    }

    private BundleRewriter(File source) throws IOException {
        try (JarFile jar = new JarFile(source)) {
            manifest = new Manifest(jar.getManifest());
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.isDirectory() || e.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
    }

    /** Reads the jar; nothing is written back to it. */
    public static BundleRewriter of(File source) throws IOException {
        return new BundleRewriter(source);
    }

    /** Reads the jar; nothing is written back to it. */
    public static BundleRewriter of(Path source) throws IOException {
        return new BundleRewriter(source.toFile());
    }

    /** An independent copy of the current state, to derive several variants from one read. */
    public BundleRewriter copy() {
        return new BundleRewriter(this);
    }

    public byte[] entry(String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no entry " + name + " in " + entries.keySet());
        }
        return bytes.clone();
    }

    public BundleRewriter entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    public BundleRewriter remove(String name) {
        entries.remove(name);
        return this;
    }

    /** Removes every entry whose name starts with {@code prefix}, e.g. a package's folder. */
    public BundleRewriter removeEntries(String prefix) {
        entries.keySet().removeIf(name -> name.startsWith(prefix));
        return this;
    }

    /**
     * Replaces {@code from} by {@code to}, which must have the same length, in every entry whose
     * name starts with {@code prefix}: e.g. a version inside a compiled library's ELF note, whose
     * layout must not move. Fails when an entry under {@code prefix} does not contain {@code from}.
     */
    public BundleRewriter replaceBytes(String prefix, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("'" + from + "' and '" + to + "' must be non-empty and of the same length");
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            byte[] bytes = e.getValue().clone();
            int replaced = 0;
            for (int i = 0; i <= bytes.length - a.length; i++) {
                if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                    System.arraycopy(b, 0, bytes, i, b.length);
                    replaced++;
                    i += a.length - 1;
                }
            }
            if (replaced == 0) {
                throw new IllegalArgumentException("'" + from + "' does not occur in " + e.getKey());
            }
            e.setValue(bytes);
        }
        return this;
    }

    public String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    public BundleRewriter header(String name, String value) {
        if (value == null) {
            manifest.getMainAttributes().remove(new Attributes.Name(name));
        } else {
            manifest.getMainAttributes().putValue(name, value);
        }
        return this;
    }

    public BundleRewriter symbolicName(String name) {
        return header("Bundle-SymbolicName", name);
    }

    /** Rewrites {@code NativeBundle-Digest} so that it matches the entries as they are now. */
    public BundleRewriter fixDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(NATIVE_FOLDER)) {
                digests.put(e.getKey(), Sha256.of(e.getValue()));
            }
        }
        return header(Headers.DIGEST, DigestHeader.format(digests));
    }

    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    /** Writes the bundle into a new file with a unique name in {@code dir}, which is created if needed. */
    public File write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(UUID.randomUUID() + ".jar");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
        return file.toFile();
    }

    private void writeTo(OutputStream out) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
    }

    /**
     * The SHA-256 of {@code bytes} as {@code NativeBundle-Digest} writes it (the contract's
     * {@code Sha256}): for tests that run inside a framework, where the contract is embedded
     * privately in each bundle and so cannot be imported.
     */
    public static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
