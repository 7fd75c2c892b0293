package io.nativebundle.loader.internal.load;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.manifest.DigestTable;
import io.nativebundle.loader.internal.manifest.LibraryDeclaration;
import io.nativebundle.loader.internal.manifest.MalformedHeaderException;
import io.nativebundle.loader.internal.manifest.NativeCodeSelection;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.manifest.SymbolDeclarations;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.LoadedLibrary;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolPublisher;
import io.nativebundle.loader.internal.publish.SymbolServices;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.stage.PreparedLibrary;
import io.nativebundle.loader.internal.stage.SystemLibrarySource;
import io.nativebundle.loader.internal.tenant.TenantRefusal;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.unload.Unloader;
import io.nativebundle.loader.internal.verify.DigestCheck;
import io.nativebundle.loader.internal.verify.LoaderChecks;

/**
 * Takes one native bundle from its headers to registered services: parse the headers, select
 * the library for this platform, copy it into a new generation folder of the cache (or, for a
 * host library, find it in place: {@link SystemLibrarySource}), verify it, open it, publish its
 * symbols and its guarded typed service. Every failure becomes a
 * {@link LoadRefusal} with a named reason, and leaves nothing behind: what was registered is
 * unregistered, what was opened is closed, the folder is deleted.
 */
public final class NativeBundleLoader {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final NativeCodeSelector selector;
    private final NativeCache cache;
    private final ServicePublisher publisher;
    private final SymbolPublisher symbolPublisher;
    private final Unloader unloader;
    private final Tenants tenants;
    private final NativeBackend backend;

    public NativeBundleLoader(NativeCodeSelector selector, NativeCache cache, ServicePublisher publisher,
                       SymbolPublisher symbolPublisher, Unloader unloader, Tenants tenants, NativeBackend backend) {
        this.backend = backend;
        this.selector = selector;
        this.cache = cache;
        this.publisher = publisher;
        this.symbolPublisher = symbolPublisher;
        this.unloader = unloader;
        this.tenants = tenants;
    }

    public TrackedLibrary load(Bundle bundle) throws LoadRefusal {
        LibraryDeclaration declaration = declaration(bundle);
        List<NativeSymbol> symbols;
        DigestTable digests;
        try {
            symbols = SymbolDeclarations.parse(bundle.getHeaders("").get(NativeBundleConstants.HEADER_SYMBOLS));
            digests = DigestTable.parse(bundle.getHeaders("").get(NativeBundleConstants.HEADER_DIGEST));
        } catch (MalformedHeaderException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
        }
        boolean system = declaration.host().isPresent();
        // a host library has no Bundle-NativeCode: the host file is found on its search path instead
        NativeCodeSelection selection = system ? null
                : selector.select(bundle.getHeaders("").get(Constants.BUNDLE_NATIVECODE));
        long number = GENERATIONS.incrementAndGet();
        String tenant = admit(bundle, system ? List.of() : selection.entries(), number);
        Path folder = null;
        LibraryGeneration generation = null;
        SymbolServices symbolServices = null;
        ServicePublisher.Published published = null;
        try {
            // 1. bundled: copy into this generation's own folder and check the digests;
            //    system: find and check in place, then link it from this generation's own folder
            // 2. the checks before dlopen
            folder = cache.createFolder(bundle.getBundleId(), number);
            PreparedLibrary prepared;
            if (system) {
                PreparedLibrary host = SystemLibrarySource.prepare(bundle, declaration, symbols);
                prepared = host.openedThrough(cache.link(host.files().get(0), folder));
            } else {
                prepared = copyAndVerify(bundle, declaration, symbols, selection, digests, folder);
            }
            List<Path> files = prepared.files();
            Class<?> type = interfaceOf(bundle, declaration);
            // 3. open: from here on the generation owns what was opened, and closes it on refusal;
            //    a system library's generation folder holds only a link, so its close never deletes the host file
            generation = new LibraryGeneration(declaration.name(), prepared.version(), number,
                    bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()), folder, files);
            open(generation, type, files);
            prepared = SystemLibrarySource.versionAfterOpen(declaration, prepared, generation);
            generation.actualVersion(prepared.version());
            LoadedLibrary loaded = new LoadedLibrary(declaration.name(), prepared.version(), prepared.platform(),
                    prepared.sha256(), files.get(0), prepared.entry(), symbols, tenant,
                    bundle.getBundleId(), number, prepared.dependencies(), prepared.checks());
            // 4. publish: NativeFunction/NativeVariable per symbol, then the guarded typed service
            symbolServices = symbolPublisher.publish(loaded, ServicePublisher.properties(loaded), generation);
            Object service = type == null ? null : guard(generation, type, typedMetrics(type, symbolServices.metrics()));
            published = publisher.publish(bundle, loaded, type, service);
            return new TrackedLibrary(bundle, loaded, published, generation, symbolServices);
        } catch (LoadRefusal refusal) {
            undo(folder, generation, symbolServices, published);
            tenants.release(number);
            throw refusal;
        } catch (IOException e) {
            undo(folder, generation, symbolServices, published);
            tenants.release(number);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, (system
                    ? "could not link the host library from the cache " + cache.root()
                            + " (each load opens it through a symbolic link of its own)"
                    : "could not copy the native files of the bundle into the cache " + cache.root()) + ": " + e, e);
        } catch (RuntimeException e) {
            undo(folder, generation, symbolServices, published);
            tenants.release(number);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not publish library '" + declaration.name() + "': " + e, e);
        }
    }

    /** Copies the selected clause into {@code folder}, checks the digests of the copies, then the binaries. */
    private PreparedLibrary copyAndVerify(Bundle bundle, LibraryDeclaration declaration, List<NativeSymbol> symbols,
            NativeCodeSelection selection, DigestTable digests, Path folder) throws LoadRefusal, IOException {
        List<Path> files = new ArrayList<>();
        Map<String, String> verified = new LinkedHashMap<>();
        String sha256 = null;
        for (String entry : selection.entries()) {
            Path file = cache.copy(bundle, entry, folder);
            String digest = DigestCheck.verify(digests, entry, file);
            if (sha256 == null) {
                sha256 = digest;
            }
            verified.put(entry, digest);
            files.add(file);
        }
        LoaderChecks.Passed passed = LoaderChecks.verify(bundle, declaration.name(), declaration.version(), symbols,
                selection.platform(), selection.entries(), files);
        List<CheckResult> checks = new ArrayList<>();
        checks.add(DigestCheck.passed(verified));
        checks.addAll(passed.checks());
        return new PreparedLibrary(selection.platform(), selection.library(), files, sha256, declaration.version(),
                checks, passed.dependencies());
    }

    /**
     * Opens the files with the backend (owned by the generation from then on) and binds the
     * interface. The binding goes to the generation at once: it must never sit in a local variable
     * of {@link #load}, or a refused load could not release it.
     */
    private void open(LibraryGeneration generation, Class<?> type, List<Path> files) throws LoadRefusal {
        generation.opened(backend.name(), backend.open(files.get(0), files.subList(1, files.size())));
        if (type != null) {
            generation.bind(type);
        }
    }

    /** The guarded typed service: from now on the guard is the binding's only holder. */
    private static <T> T guard(LibraryGeneration generation, Class<T> type, SymbolMetrics[] metrics) {
        return GuardFactory.of(type).guard(generation, generation.takeBinding(type), metrics);
    }

    /** The typed service shares the per-symbol metrics of the NativeFunction services. */
    private static SymbolMetrics[] typedMetrics(Class<?> type, LibraryMetrics metrics) {
        List<Method> methods = GuardFactory.of(type).methods();
        SymbolMetrics[] perMethod = new SymbolMetrics[methods.size()];
        for (int i = 0; i < perMethod.length; i++) {
            Method method = methods.get(i);
            if (metrics != null && Modifier.isAbstract(method.getModifiers())) {
                perMethod[i] = metrics.symbol(method.getName());
            }
        }
        return perMethod;
    }

    private void undo(Path folder, LibraryGeneration generation, SymbolServices symbolServices,
                      ServicePublisher.Published published) {
        if (published != null) {
            published.unregister();
        }
        if (symbolServices != null) {
            symbolServices.unregister();
        }
        if (generation != null) {
            unloader.discard(generation, "load refused");
        } else {
            cache.delete(folder);
        }
    }

    /** The bundle's tenant, with room reserved in its quota: refused before anything is copied or opened. */
    private String admit(Bundle bundle, List<String> entries, long number) throws LoadRefusal {
        try {
            return tenants.admit(bundle, entries, number);
        } catch (TenantRefusal refusal) {
            throw new LoadRefusal(RefusalReason.TENANT_REFUSED, refusal.getMessage());
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
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, "interface " + name
                    + " named by NativeBundle-Library is not public; a service interface must be public");
        }
        return type;
    }
}
