package io.nativebundle.wrap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.nativebundle.binary.host.HostPlatform;
import io.nativebundle.contract.DetachedSignature;
import io.nativebundle.contract.Sha256;
import io.nativebundle.wrap.DescriptorException;

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
        Descriptor d = DescriptorParser.parse(descriptor, read(descriptor));
        checkTenantFolder(d, context);
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
            writer(headers, d).write(out);
            return new Wrapped(out, headers.get("Bundle-SymbolicName"), host.file(), Optional.empty());
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
        writer(headers, d).add(entry, content).write(out);
        return new Wrapped(out, headers.get("Bundle-SymbolicName"), file, Optional.of(sha256));
    }

    /** The library file a bundled descriptor names, next to it. */
    static Path siblingOf(Descriptor d) {
        Path folder = d.file().toAbsolutePath().getParent();
        return folder.resolve(d.libraryFileName());
    }

    /** Which library file a descriptor wraps, if it parses and names one; for noticing that file change. */
    static Optional<Path> libraryOf(Path descriptor) {
        try {
            Descriptor d = DescriptorParser.parse(descriptor, read(descriptor));
            return d.isSystem() ? Optional.empty() : Optional.of(siblingOf(d));
        } catch (DescriptorException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The bundle with the descriptor itself, for provenance, and its detached signature
     * ({@code <descriptor>.sig} beside it, if there is one), which the loader checks when a trust store is set.
     */
    private static BundleWriter writer(Map<String, String> headers, Descriptor d) throws IOException {
        String name = d.file().getFileName().toString();
        BundleWriter writer = new BundleWriter(headers).add(DetachedSignature.descriptorEntry(name),
                Files.readAllBytes(d.file()));
        Path signature = d.file().resolveSibling(DetachedSignature.fileOf(name));
        if (Files.isRegularFile(signature)) {
            writer.add(DetachedSignature.signatureEntry(name), Files.readAllBytes(signature));
        }
        return writer;
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

    private static String read(Path descriptor) throws DescriptorException, IOException {
        if (!Files.isRegularFile(descriptor)) {
            throw new java.io.FileNotFoundException(descriptor + " does not exist or is not a file");
        }
        long size = Files.size(descriptor);
        if (size > MAX_DESCRIPTOR_SIZE) {
            throw new DescriptorException(descriptor, 1, 1, "the descriptor is " + size + " bytes; expected at most "
                    + MAX_DESCRIPTOR_SIZE + " bytes of text");
        }
        return new String(Files.readAllBytes(descriptor), StandardCharsets.UTF_8);
    }
}
