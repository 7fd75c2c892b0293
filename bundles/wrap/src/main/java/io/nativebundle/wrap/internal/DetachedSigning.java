package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.nativebundle.contract.DetachedSignature;
import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.SigningKey;

/**
 * Writes the detached signature of a {@code .nativebundle} drop-in, {@code <descriptor>.sig}
 * beside it ({@link DetachedSignature}): a jar holding the descriptor and its library file by file
 * name is signed with the JDK's jar signer, and only its {@code META-INF/} part is kept (the
 * manifest with the SHA-256 of both files, the signer's {@code .SF} file and block). The files
 * themselves stay where they are; the loader checks the signature against the wrapped copy of
 * the descriptor and the library it opens.
 *
 * <p>The descriptor is wrapped first, into a scratch jar that is thrown away: nothing is signed
 * that would not wrap.
 */
public final class DetachedSigning {

    private DetachedSigning() {
    }

    /**
     * @return the signature file written, {@code <descriptor>.sig}, replaced atomically if it exists
     * @throws DescriptorException when the descriptor does not wrap, with its line and column
     */
    public static Path sign(Path descriptor, SigningKey key) throws DescriptorException, IOException {
        JarSignerSupport.require();
        Path file = descriptor.toAbsolutePath().normalize();
        // not beside the descriptor: a watched plugins folder would see the scratch jars
        Path scratch = Files.createTempDirectory("nativebundle-sign-");
        try {
            Wrapped wrapped = Wrapping.wrap(null, file, scratch.resolve("check.jar"), WrapContext.standalone());
            Map<String, Path> covered = new LinkedHashMap<>();
            covered.put(file.getFileName().toString(), file);
            // a host library (system =) is not dropped: the signature covers the descriptor that names it
            if (wrapped.sha256().isPresent()) {
                covered.put(wrapped.library().getFileName().toString(), wrapped.library());
            }
            Path unsigned = scratch.resolve("unsigned.jar");
            BundleWriter writer = new BundleWriter(Map.of("Manifest-Version", "1.0"));
            for (Map.Entry<String, Path> entry : covered.entrySet()) {
                writer.add(entry.getKey(), Files.readAllBytes(entry.getValue()));
            }
            writer.write(unsigned);
            Path signed = scratch.resolve("signed.jar");
            JarSigning.sign(unsigned, signed, key);
            Path signature = file.resolveSibling(DetachedSignature.fileOf(file.getFileName().toString()));
            writeAtomically(signature, signatureOnly(signed));
            return signature;
        } finally {
            deleteTree(scratch);
        }
    }

    /** Copies the {@code META-INF/} files of {@code signed}: the manifest and the signer's two files. */
    private static byte[] signatureOnly(Path signed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(signed.toFile()); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (!entry.getName().startsWith("META-INF/") || entry.isDirectory()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(BundleWriter.ENTRY_TIME);
                zip.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** FileInstall, watching the folder, sees the whole file or none of it. */
    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
