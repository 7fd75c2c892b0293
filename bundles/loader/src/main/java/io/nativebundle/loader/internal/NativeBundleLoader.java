package io.nativebundle.loader.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;

/**
 * Takes one native bundle from its headers to registered services: parse the headers, select
 * the library for this platform, copy it into the cache, verify it, open it, publish it.
 * Every failure becomes a {@link LoadRefusal} with a named reason, and leaves nothing behind.
 */
final class NativeBundleLoader {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final NativeCodeSelector selector;
    private final NativeCache cache;
    private final ServicePublisher publisher;

    NativeBundleLoader(NativeCodeSelector selector, NativeCache cache, ServicePublisher publisher) {
        this.selector = selector;
        this.cache = cache;
        this.publisher = publisher;
    }

    TrackedLibrary load(Bundle bundle) throws LoadRefusal {
        LibraryDeclaration declaration = declaration(bundle);
        List<NativeSymbol> symbols;
        DigestTable digests;
        try {
            symbols = SymbolDeclarations.parse(bundle.getHeaders("").get(NativeBundleConstants.HEADER_SYMBOLS));
            digests = DigestTable.parse(bundle.getHeaders("").get(NativeBundleConstants.HEADER_DIGEST));
        } catch (MalformedHeaderException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
        }
        NativeCodeSelection selection = selector.select(bundle.getHeaders("").get(Constants.BUNDLE_NATIVECODE));
        long generation = GENERATIONS.incrementAndGet();
        Path folder = null;
        try {
            folder = cache.createFolder(bundle, generation);
            List<Path> files = new ArrayList<>();
            String sha256 = null;
            for (String entry : selection.entries()) {
                Path file = cache.copy(bundle, entry, folder);
                String digest = DigestCheck.verify(digests, entry, file);
                if (sha256 == null) {
                    sha256 = digest;
                }
                files.add(file);
            }
            Class<?> type = interfaceOf(bundle, declaration);
            Path library = files.get(0);
            Object binding = type == null ? null : LibraryBinder.bind(type, library, files.subList(1, files.size()));
            LoadedLibrary loaded = new LoadedLibrary(declaration.name(), declaration.version(), selection.platform(),
                    sha256, library, selection.library(), symbols, NativeBundleConstants.DEFAULT_TENANT,
                    bundle.getBundleId(), generation);
            ServicePublisher.Published published = publisher.publish(bundle, loaded, type, binding);
            return new TrackedLibrary(bundle, loaded, published, folder);
        } catch (LoadRefusal refusal) {
            cache.delete(folder);
            throw refusal;
        } catch (IOException e) {
            cache.delete(folder);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not copy the native files of the bundle into the cache "
                    + cache.root() + ": " + e, e);
        } catch (RuntimeException e) {
            cache.delete(folder);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not publish library '" + declaration.name() + "': " + e, e);
        }
    }

    private static LibraryDeclaration declaration(Bundle bundle) throws LoadRefusal {
        try {
            return LibraryDeclaration.parse(bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY));
        } catch (MalformedHeaderException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
        }
    }

    private static Class<?> interfaceOf(Bundle bundle, LibraryDeclaration declaration) throws LoadRefusal {
        if (declaration.interfaceName().isEmpty()) {
            return null;
        }
        String name = declaration.interfaceName().get();
        Class<?> type;
        try {
            type = bundle.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, "interface " + name
                    + " named by NativeBundle-Library cannot be loaded from the bundle: " + e.getMessage());
        }
        if (!type.isInterface()) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, name + " named by NativeBundle-Library is a class;"
                    + " expected an interface");
        }
        return type;
    }
}
