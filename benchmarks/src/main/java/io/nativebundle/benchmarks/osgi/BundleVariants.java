package io.nativebundle.benchmarks.osgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.Sha256;

/**
 * Distinct copies of a native bundle, so that hundreds of them can sit in one framework as
 * distinct libraries: each variant gets its own {@code Bundle-SymbolicName} and its own library
 * name, of the same length as the original's, in {@code NativeBundle-Library}, in the library
 * capability and in the {@code .note.nativebundle} build note of its native files (the loader
 * refuses a note that names another library). The digests are recomputed; code and symbols stay
 * byte for byte those of the original (compare the itests' {@code BundleRewriter}).
 *
 * <pre>{@code
 * BundleVariants math = BundleVariants.of(BenchPaths.bundle("math"), "math");
 * byte[] jar = math.variant(7);   // library "m007", bundle io.nativebundle.bench.m007
 * }</pre>
 */
public final class BundleVariants {

    private final String library;
    private final Manifest manifest;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private BundleVariants(Path source, String library) throws IOException {
        this.library = library;
        try (JarFile jar = new JarFile(source.toFile())) {
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
        String declared = header("NativeBundle-Library");
        if (declared == null || !declared.startsWith(library + ";")) {
            throw new IOException(source + " declares NativeBundle-Library: " + declared + "; expected library " + library);
        }
    }

    /** Reads a native bundle that declares the given library name. */
    public static BundleVariants of(Path source, String library) throws IOException {
        return new BundleVariants(source, library);
    }

    /**
     * The library name of variant {@code i}: the original's first letter and {@code i} in base 36,
     * as long as the original name, so that the build note keeps its size.
     */
    public String libraryName(int i) {
        String digits = Integer.toString(i, 36);
        int width = library.length() - 1;
        if (i < 0 || digits.length() > width) {
            throw new IllegalArgumentException("library " + library + " has room for " + width
                    + " base-36 digits; variant " + i + " does not fit");
        }
        return library.charAt(0) + "0".repeat(width - digits.length()) + digits;
    }

    /** The jar of variant {@code i}. */
    public byte[] variant(int i) throws IOException {
        Manifest copy = new Manifest(manifest);
        Attributes main = copy.getMainAttributes();
        main.putValue("Bundle-SymbolicName", "io.nativebundle.bench." + libraryName(i));
        main.putValue("NativeBundle-Library", libraryName(i) + header("NativeBundle-Library").substring(library.length()));
        String capability = header("Provide-Capability");
        if (capability != null) {
            main.putValue("Provide-Capability", capability.replace("io.nativebundle.library=" + library + ";",
                    "io.nativebundle.library=" + libraryName(i) + ";"));
        }
        Map<String, byte[]> files = new LinkedHashMap<>(entries);
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().startsWith("native/")) {
                e.setValue(renameInNote(e.getKey(), e.getValue(), libraryName(i)));
                digests.put(e.getKey(), Sha256.of(e.getValue()));
            }
        }
        main.putValue(Headers.DIGEST, DigestHeader.format(digests));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, copy)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Replaces {@code library=<original>\0} in the build note with the variant's name of the same length. */
    private byte[] renameInNote(String entry, byte[] file, String name) throws IOException {
        byte[] from = ("library=" + library + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] to = ("library=" + name + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] patched = file.clone();
        int found = 0;
        for (int at = 0; at <= patched.length - from.length; at++) {
            if (Arrays.equals(patched, at, at + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, patched, at, to.length);
                found++;
            }
        }
        if (found != 1) {
            throw new IOException(entry + " holds " + found + " build notes naming library " + library + "; expected 1");
        }
        return patched;
    }

    private String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }
}
