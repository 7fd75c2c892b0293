package io.nativebundle.wrap.internal;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.apache.felix.fileinstall.ArtifactTransformer;

import io.nativebundle.contract.DetachedSignature;
import io.nativebundle.contract.Sha256;
import io.nativebundle.wrap.DescriptorException;

/**
 * Turns a {@code .nativebundle} file that FileInstall finds in {@code plugins/} into the bundle it
 * describes. Facts of FileInstall 3.7.4 this relies on:
 * <ul>
 * <li>It installs the returned jar with the <em>descriptor's</em> {@code file:} URL as location, so
 * the loader gives {@code plugins/<tenant>/x.nativebundle} to that tenant, as for a jar.</li>
 * <li>When {@code transform} returns null, nothing is installed, and an earlier bundle of a now
 * refused descriptor is uninstalled. The file is not looked at again until it changes, so a
 * refusal is logged once; the fixed descriptor is wrapped on its next scan.</li>
 * <li>Deleting the descriptor uninstalls its bundle; changing it wraps again and updates it.</li>
 * <li>A file no listener claims, like a plain {@code .so}, is retried silently on every scan.</li>
 * </ul>
 * FileInstall watches the descriptor only, so the transformer also claims a {@code .so} that a
 * known descriptor wraps, and the descriptor's detached signature ({@code <descriptor>.sig}): when
 * one of them differs from the one the descriptor's latest wrap (or refusal) read, the
 * descriptor's modification time is moved on, which makes FileInstall wrap and update it on its
 * next scan. Neither is ever installed itself. Whether a file differs is decided by its digest: its
 * modification time comes from the file system's clock, which may lag the refusal's
 * {@code Instant.now()} by a clock tick, and a copy that keeps its time ({@code cp -p}, tar) may be
 * years older than the refusal. A deleted {@code .sig} is not noticed (FileInstall tells no
 * listener about a file it did not install): the bundle keeps the signature it was wrapped with
 * until the descriptor or its library changes.
 */
final class DescriptorTransformer implements ArtifactTransformer {

    static final String EXTENSION = ".nativebundle";
    static final String SIGNATURE_EXTENSION = EXTENSION + DetachedSignature.SUFFIX;

    private static final Logger LOG = System.getLogger("io.nativebundle.wrap");

    private final RefusalRegistry registry;
    private final PluginsFolder plugins;

    DescriptorTransformer(RefusalRegistry registry, PluginsFolder plugins) {
        this.registry = registry;
        this.plugins = plugins;
    }

    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.isFile()) {
            return false;
        }
        return artifact.getName().endsWith(EXTENSION) || signedDescriptorOf(artifact.toPath()).isPresent()
                || descriptorOf(artifact.toPath()).isPresent();
    }

    @Override
    public File transform(File artifact, File tmpDir) throws Exception {
        Path file = artifact.toPath();
        if (!file.getFileName().toString().endsWith(EXTENSION)) {
            Optional<Path> signed = signedDescriptorOf(file);
            if (signed.isPresent()) {
                rewrapIfChanged(signed.get(), file, registry::lastSigned);
            } else {
                descriptorOf(file).ifPresent(descriptor -> rewrapIfChanged(descriptor, file, registry::lastRead));
            }
            return null;
        }
        return wrap(file, tmpDir.toPath());
    }

    private File wrap(Path descriptor, Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        String stem = Descriptor.stem(descriptor.getFileName().toString());
        Path out = Files.createTempFile(tmpDir, stem + "-", ".jar");
        // taken before the attempt: a library or signature replaced during it then differs from what is recorded
        Optional<Path> library = Wrapping.libraryOf(descriptor);
        Optional<String> librarySeen = library.flatMap(DescriptorTransformer::digestIfPresent);
        Optional<String> signatureSeen = digestIfPresent(Wrapping.signaturePath(descriptor));
        try {
            Wrapped wrapped = Wrapping.wrap(null, descriptor, out, plugins.contextOf(descriptor, RuntimeAbi.current()));
            registry.wrapped(descriptor, wrapped);
            LOG.log(Level.DEBUG, () -> descriptor + ": wrapped " + wrapped.library().getFileName() + " as "
                    + wrapped.symbolicName());
            return out.toFile();
        } catch (DescriptorException e) {
            Files.deleteIfExists(out);
            registry.refused(descriptor, e, library, librarySeen, signatureSeen);
            LOG.log(Level.WARNING, descriptor.toAbsolutePath().getParent() + "/" + e.getMessage()
                    + " (nothing is installed)");
            return null;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            String message = descriptor.getFileName() + ": cannot wrap: " + e;
            registry.failed(descriptor, message);
            LOG.log(Level.WARNING, message + " (nothing is installed)");
            return null;
        }
    }

    private static Optional<String> digestIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Sha256.of(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable now: any later readable file counts as a change
        }
    }

    /** The descriptor that wraps {@code library}: a known one, or the sibling {@code <stem>.nativebundle}. */
    private Optional<Path> descriptorOf(Path library) {
        Optional<Path> known = registry.descriptorOf(library);
        if (known.isPresent()) {
            return known;
        }
        String name = library.getFileName().toString();
        if (!name.endsWith(".so")) {
            return Optional.empty();
        }
        Path sibling = library.resolveSibling(Descriptor.stem(name) + EXTENSION);
        return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
    }

    /** The descriptor a detached signature {@code <descriptor>.sig} belongs to, when it is there. */
    private static Optional<Path> signedDescriptorOf(Path signature) {
        String name = signature.getFileName().toString();
        if (!name.endsWith(SIGNATURE_EXTENSION)) {
            return Optional.empty();
        }
        Path descriptor = signature.resolveSibling(name.substring(0, name.length() - DetachedSignature.SUFFIX.length()));
        return Files.isRegularFile(descriptor) ? Optional.of(descriptor) : Optional.empty();
    }

    /**
     * Marks {@code descriptor} for a new wrap because {@code companion} (its library or its signature)
     * is new or changed, unless the bundle already carries that content.
     *
     * @param carried whether the descriptor's latest wrap or refusal read a companion with this digest
     */
    private void rewrapIfChanged(Path descriptor, Path companion, BiPredicate<Path, String> carried) {
        try {
            if (!registry.isKnown(descriptor)) {
                // not wrapped yet: FileInstall wraps it on this scan or the next, with this very file;
                // marking it now would wrap it a second time, right after, and update the new bundle
                return;
            }
            if (carried.test(descriptor, Sha256.of(companion))) {
                // the bundle already carries this file (e.g. both were dropped together), or this
                // very file was refused: a new wrap would only repeat either
                return;
            }
            long now = System.currentTimeMillis();
            long before = Files.getLastModifiedTime(descriptor).toMillis();
            Files.setLastModifiedTime(descriptor, FileTime.fromMillis(Math.max(now, before + 1000)));
            LOG.log(Level.DEBUG, () -> companion + " changed: " + descriptor.getFileName() + " is wrapped again");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, companion + " changed, but " + descriptor.getFileName()
                    + " cannot be marked for a new wrap: " + e);
        }
    }
}
