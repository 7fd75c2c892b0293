package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.nativebundle.binary.host.HostPlatform;
import io.nativebundle.contract.DetachedSignature;
import io.nativebundle.contract.Sha256;
import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.SigningKey;

/**
 * One wrap, start to end: read and parse the descriptor, check the library against it, write the
 * bundle. Nothing is written unless every check passed.
 */
public final class Wrapping {

    /** A descriptor is a few lines; anything this large is not one. */
    static final long MAX_DESCRIPTOR_SIZE = 1 << 20;

    /** Characters that would break the {@code Bundle-NativeCode} and digest headers. */
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    private Wrapping() {
    }

    /**
     * @param library    the {@code .so} to pack; null to take the one the descriptor names (its
     *                   {@code file}, else {@code <stem>.so} next to it) or, for {@code system =}, the host's
     * @param descriptor the {@code .nativebundle} file
     * @param out        the bundle to write
     */
    public static Wrapped wrap(Path library, Path descriptor, Path out, WrapContext context)
            throws DescriptorException, IOException {
        return wrap(library, descriptor, out, context, Optional.empty());
    }

    /**
     * As {@link #wrap(Path, Path, Path, WrapContext)}, the bundle signed with {@code key} when one is given.
     *
     * @throws UnsupportedOperationException with a key, when this bundle cannot reach the JDK's jar signer
     */
    public static Wrapped wrap(Path library, Path descriptor, Path out, WrapContext context, Optional<SigningKey> key)
            throws DescriptorException, IOException {
        if (key.isPresent()) {
            JarSignerSupport.require(); // before any work: the framework lacks it, not the inputs
        }
        // read once: the bundle carries the very bytes its headers come from, which a detached signature covers
        byte[] text = read(descriptor);
        Descriptor d = DescriptorParser.parse(descriptor, new String(text, StandardCharsets.UTF_8));
        checkTenantFolder(d, context);
        Optional<byte[]> signature = signatureOf(descriptor);
        LibraryCheck check = new LibraryCheck(d);
        if (d.isSystem()) {
            if (library != null) {
                Entry system = d.system().get();
                throw new DescriptorException(descriptor, system.keyAt().line(), system.keyAt().column(),
                        "the descriptor takes the library from the host (system = " + system.value()
                                + "), yet a library file was given: " + library);
            }
            CheckedLibrary host = check.system(HostPlatform.current().libraries());
            Map<String, String> headers = BundleHeaders.of(d, host, Optional.empty(), Optional.empty(), context);
            write(writer(headers, d, text, signature), out, key);
            return new Wrapped(out, headers.get("Bundle-SymbolicName"), host.file(), Optional.empty(),
                    signature.map(Sha256::of));
        }
        Path file = library != null ? library : siblingOf(d);
        String fileName = file.getFileName().toString();
        if (!SAFE_FILE_NAME.matcher(fileName).matches()) {
            Position at = d.libraryFileAt();
            throw new DescriptorException(descriptor, at.line(), at.column(), "library file name '" + fileName
                    + "' may only contain letters, digits, '_', '.', '+' and '-'");
        }
        CheckedLibrary checked = check.bundled(file);
        byte[] content = Files.readAllBytes(file);
        String sha256 = Sha256.of(content);
        String entry = "native/linux/" + checked.machine().osgiProcessor() + "/" + fileName;
        Map<String, String> headers = BundleHeaders.of(d, checked, Optional.of(entry), Optional.of(sha256), context);
        write(writer(headers, d, text, signature).add(entry, content), out, key);
        return new Wrapped(out, headers.get("Bundle-SymbolicName"), file, Optional.of(sha256), signature.map(Sha256::of));
    }

    private static void write(BundleWriter writer, Path out, Optional<SigningKey> key) throws IOException {
        if (key.isEmpty()) {
            writer.write(out);
            return;
        }
        Path unsigned = Files.createTempFile("nativebundle-wrap-", ".jar");
        try {
            writer.write(unsigned);
            JarSigning.sign(unsigned, out, key.get());
        } finally {
            Files.deleteIfExists(unsigned);
        }
    }

    /** The library file a bundled descriptor names, next to it. */
    static Path siblingOf(Descriptor d) {
        Path folder = d.file().toAbsolutePath().getParent();
        return folder.resolve(d.libraryFileName());
    }

    /** Which library file a descriptor wraps, if it parses and names one; for noticing that file change. */
    static Optional<Path> libraryOf(Path descriptor) {
        try {
            Descriptor d = DescriptorParser.parse(descriptor, new String(read(descriptor), StandardCharsets.UTF_8));
            return d.isSystem() ? Optional.empty() : Optional.of(siblingOf(d));
        } catch (DescriptorException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The bundle with the descriptor itself, for provenance, and its detached signature
     * ({@code <descriptor>.sig} beside it, if there is one), which the loader checks when a trust store is set.
     */
    private static BundleWriter writer(Map<String, String> headers, Descriptor d, byte[] text,
                                       Optional<byte[]> signature) {
        String name = d.file().getFileName().toString();
        BundleWriter writer = new BundleWriter(headers).add(DetachedSignature.descriptorEntry(name), text);
        signature.ifPresent(bytes -> writer.add(DetachedSignature.signatureEntry(name), bytes));
        return writer;
    }

    /** The detached signature beside the descriptor, {@code <descriptor>.sig}, if there is one. */
    static Optional<byte[]> signatureOf(Path descriptor) throws IOException {
        Path signature = signaturePath(descriptor);
        try {
            return Optional.of(Files.readAllBytes(signature));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** {@code plugins/acme/libz.nativebundle} → {@code plugins/acme/libz.nativebundle.sig}. */
    static Path signaturePath(Path descriptor) {
        return descriptor.resolveSibling(DetachedSignature.fileOf(descriptor.getFileName().toString()));
    }

    /** The loader refuses a tenant header that contradicts the folder; say so now, at the line. */
    private static void checkTenantFolder(Descriptor d, WrapContext context) throws DescriptorException {
        if (d.tenant().isPresent() && context.folderTenant().isPresent()
                && !d.tenant().get().value().equals(context.folderTenant().get())) {
            Entry tenant = d.tenant().get();
            throw new DescriptorException(d.file(), tenant.valueAt().line(), tenant.valueAt().column(), "tenant '"
                    + tenant.value() + "' contradicts the folder " + context.folderName() + " (tenant '"
                    + context.folderTenant().get() + "'); remove the tenant line or move the descriptor into"
                    + " the folder of its tenant");
        }
    }

    private static byte[] read(Path descriptor) throws DescriptorException, IOException {
        if (!Files.isRegularFile(descriptor)) {
            throw new java.io.FileNotFoundException(descriptor + " does not exist or is not a file");
        }
        long size = Files.size(descriptor);
        if (size > MAX_DESCRIPTOR_SIZE) {
            throw new DescriptorException(descriptor, 1, 1, "the descriptor is " + size + " bytes; expected at most "
                    + MAX_DESCRIPTOR_SIZE + " bytes of text");
        }
        return Files.readAllBytes(descriptor);
    }
}
