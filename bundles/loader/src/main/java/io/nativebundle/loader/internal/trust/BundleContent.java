package io.nativebundle.loader.internal.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;

import io.nativebundle.contract.DetachedSignature;

/**
 * The {@link SignedContent} of a bundle, a jar, or a wrapped descriptor's detached signature.
 *
 * <p>A bundle's signature must cover every file entry of the bundle except the signature files
 * themselves, the native files read from their staged copies. A detached signature must cover the
 * descriptor (the copy the wrapper put into the bundle, from which it wrote the headers) and the
 * library file, by their file names.
 */
final class BundleContent {

    private BundleContent() {
    }

    /**
     * @param staged the native entries of the selected clause with their copies in the cache, which
     *               are read instead of the bundle's entries: those copies are what is opened
     */
    static SignedContent of(Bundle bundle, Map<String, Path> staged) throws IOException {
        Map<String, byte[]> signatureFiles = new HashMap<>();
        List<String> files = new ArrayList<>();
        collect(bundle, "/", files);
        for (String name : files) {
            if (SignedContent.isSignatureFile(name)) {
                signatureFiles.put(name, read(bundle.getEntry(name)));
            }
        }
        URL manifest = bundle.getEntry(JarFile.MANIFEST_NAME);
        SignedContent content = new SignedContent(manifest == null ? null : read(manifest), signatureFiles);
        for (String name : files) {
            if (!name.equals(JarFile.MANIFEST_NAME) && !SignedContent.isSignatureFile(name) && !staged.containsKey(name)) {
                URL url = bundle.getEntry(name);
                content.entry(name, url::openStream);
            }
        }
        staged.forEach((entry, file) -> content.entry(entry, SignedContent.Content.of(file)));
        return content;
    }

    /** The same for a jar file on disk ({@code native:verify --trust}): every file entry as it is in the jar. */
    static SignedContent of(JarFile jar) throws IOException {
        Map<String, byte[]> signatureFiles = new HashMap<>();
        byte[] manifest = null;
        List<JarEntry> entries = Collections.list(jar.entries());
        for (JarEntry entry : entries) {
            if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                manifest = read(jar, entry);
            } else if (SignedContent.isSignatureFile(entry.getName())) {
                signatureFiles.put(entry.getName(), read(jar, entry));
            }
        }
        SignedContent content = new SignedContent(manifest, signatureFiles);
        for (JarEntry entry : entries) {
            if (!entry.isDirectory() && !entry.getName().equals(JarFile.MANIFEST_NAME)
                    && !SignedContent.isSignatureFile(entry.getName())) {
                content.entry(entry.getName(), () -> jar.getInputStream(entry));
            }
        }
        return content;
    }

    /**
     * The detached signature a wrapped bundle carries for its descriptor, with the descriptor and
     * the library file it must cover; empty when the bundle carries none.
     *
     * @param descriptor the descriptor's file name, from {@code NativeBundle-Wrapped}
     * @param library    the staged copy of the library the descriptor wraps; empty for a host library
     */
    static Optional<SignedContent> detached(Bundle bundle, String descriptor, Optional<Path> library)
            throws IOException {
        URL signature = bundle.getEntry(DetachedSignature.signatureEntry(descriptor));
        URL copy = bundle.getEntry(DetachedSignature.descriptorEntry(descriptor));
        if (signature == null || copy == null) {
            return Optional.empty();
        }
        Map<String, byte[]> signatureFiles = new HashMap<>();
        byte[] manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(read(signature)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    manifest = zip.readAllBytes();
                } else if (SignedContent.isSignatureFile(entry.getName())) {
                    signatureFiles.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        byte[] descriptorBytes = read(copy);
        SignedContent content = new SignedContent(manifest, signatureFiles)
                .entry(descriptor, SignedContent.Content.of(descriptorBytes));
        library.ifPresent(file -> content.entry(file.getFileName().toString(), SignedContent.Content.of(file)));
        return Optional.of(content);
    }

    /** Every file entry below {@code path}, by its entry name. */
    private static void collect(Bundle bundle, String path, List<String> into) {
        Enumeration<String> children = bundle.getEntryPaths(path);
        if (children == null) {
            return;
        }
        for (String child : Collections.list(children)) {
            if (child.endsWith("/")) {
                collect(bundle, child, into);
            } else {
                into.add(child.startsWith("/") ? child.substring(1) : child);
            }
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
