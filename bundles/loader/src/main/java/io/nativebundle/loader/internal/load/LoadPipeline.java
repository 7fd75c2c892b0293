package io.nativebundle.loader.internal.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.open.GenerationOpener;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.LoadedLibrary;
import io.nativebundle.loader.internal.publish.Publication;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolPublisher;
import io.nativebundle.loader.internal.remote.ExportPlan;
import io.nativebundle.loader.internal.remote.RemoteExports;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.stage.StagedLibrary;
import io.nativebundle.loader.internal.stage.Stager;
import io.nativebundle.loader.internal.tenant.TenantRefusal;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.trust.LockCheck;
import io.nativebundle.loader.internal.trust.TrustCheck;
import io.nativebundle.loader.internal.unload.Unloader;
import io.nativebundle.loader.internal.verify.LoadVerifier;
import io.nativebundle.loader.internal.verify.VerifiedLibrary;

/**
 * Takes one native bundle from its headers to registered services, one step after the other:
 * <ol>
 *   <li><b>manifest</b>: read the headers, select the clause for this platform;</li>
 *   <li><b>admit</b>: decide the tenant and reserve its quota;</li>
 *   <li><b>stage</b>: copy the files into a new generation folder (or link the host's file);</li>
 *   <li><b>verify</b>: every check before {@code dlopen}, on those very files: the signature when a
 *   trust store is set ({@code UNTRUSTED}), the digests and binary checks, the lock file when one is
 *   set ({@code NOT_LOCKED});</li>
 *   <li><b>open</b>: the backend opens them into a new {@link LibraryGeneration}, binds the interface;</li>
 *   <li><b>publish</b>: the library is announced to the registry, then a service per symbol, the
 *       guarded typed service, the description.</li>
 * </ol>
 * Every failure becomes a {@link LoadRefusal} with a named reason and leaves nothing behind:
 * {@link LoadAttempt#undo} unregisters what was registered, discards what was opened, deletes
 * the folder and gives the quota back.
 */
public final class LoadPipeline {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final NativeCodeSelector selector;
    private final Tenants tenants;
    private final Supplier<RuntimeHost> host;
    private final NativeCache cache;
    private final Stager stager;
    private final GenerationOpener opener;
    private final SymbolPublisher symbols;
    private final ServicePublisher services;
    private final Unloader unloader;
    private final TrustCheck trust;
    private final LockCheck lock;
    private final RemoteExports exports;

    /**
     * @param host  this host, read once per load: the framework properties may say what it is
     * @param trust the signature check of each tenant's trust store
     * @param lock  the lock file check
     */
    public LoadPipeline(NativeCodeSelector selector, Tenants tenants, Supplier<RuntimeHost> host, NativeCache cache,
                        GenerationOpener opener, SymbolPublisher symbols, ServicePublisher services, Unloader unloader,
                        TrustCheck trust, LockCheck lock) {
        this(selector, tenants, host, cache, opener, symbols, services, unloader, trust, lock,
                RemoteExports.of(name -> null));
    }

    /** @param exports which libraries are offered to other frameworks (Remote Services), and how */
    public LoadPipeline(NativeCodeSelector selector, Tenants tenants, Supplier<RuntimeHost> host, NativeCache cache,
                        GenerationOpener opener, SymbolPublisher symbols, ServicePublisher services, Unloader unloader,
                        TrustCheck trust, LockCheck lock, RemoteExports exports) {
        this.exports = exports;
        this.selector = selector;
        this.tenants = tenants;
        this.host = host;
        this.cache = cache;
        this.stager = new Stager(cache);
        this.opener = opener;
        this.symbols = symbols;
        this.services = services;
        this.unloader = unloader;
        this.trust = trust;
        this.lock = lock;
    }

    /** {@link #load(Bundle, Announcement)} for a load that nobody asks the registry about. */
    public TrackedLibrary load(Bundle bundle) throws LoadRefusal {
        return load(bundle, Announcement.NONE);
    }

    /**
     * @param announcement told the library right before its first service is registered, so that
     *                     the registry lists whatever a consumer can already see; taken back on undo
     * @throws LoadRefusal the reason of the first step that refused the bundle; nothing of it is left
     */
    public TrackedLibrary load(Bundle bundle, Announcement announcement) throws LoadRefusal {
        BundleManifest manifest = BundleManifest.read(bundle, selector);
        LoadAttempt attempt = new LoadAttempt(GENERATIONS.incrementAndGet(), tenants, cache, unloader);
        try {
            String tenant = admit(bundle, manifest, attempt.generation());
            RuntimeHost here = host.get();
            Path folder = attempt.staged(stager.createFolder(bundle, manifest, attempt.generation()));
            StagedLibrary staged = stager.stage(bundle, manifest, here, folder);
            Optional<CheckResult> trusted = trust.check(bundle, manifest, staged, tenant, folder);
            VerifiedLibrary verified = LoadVerifier.verify(manifest, staged, here);
            Map<String, String> digests = digests(manifest, staged);
            Optional<CheckResult> locked = lock.check(tenant, manifest.declaration().name(),
                    verified.version().toString(), digests);
            verified = verified.withChecks(trusted.stream().toList(), locked.stream().toList());
            Class<?> type = GenerationOpener.serviceInterface(bundle, manifest.declaration());
            LibraryGeneration generation = attempt.opening(new LibraryGeneration(manifest.declaration().name(),
                    verified.version(), attempt.generation(), bundle.getBundleId(),
                    String.valueOf(bundle.getSymbolicName()), folder, verified.files(), unloader.releases()));
            verified = opener.open(generation, manifest.declaration(), type, verified, manifest.symbols(), bundle,
                    tenant);
            ExportPlan export = exports.plan(manifest.declaration(), tenant, type, manifest.symbols());
            verified = verified.withChecks(List.of(), export.checks());
            LoadedLibrary loaded = new LoadedLibrary(manifest.declaration().name(), verified.version(),
                    verified.platform(), verified.sha256(), verified.files().get(0), verified.entry(),
                    manifest.symbols(), tenant, bundle.getBundleId(), attempt.generation(), verified.dependencies(),
                    verified.checks(), generation.backend(), generation.isolation(), generation.hostStatus(),
                    digests, generation.lastErrno());
            attempt.announced(announcement.announce(loaded));
            Publication publication = attempt.publishing(new Publication());
            symbols.publish(loaded, ServicePublisher.properties(loaded), generation, publication, export::function);
            services.publish(bundle, loaded, generation, type, publication, export.typed());
            return new TrackedLibrary(bundle, loaded, generation, publication);
        } catch (LoadRefusal | RuntimeException | LinkageError failure) {
            attempt.undo();
            if (failure instanceof RuntimeException e) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, "could not publish library '"
                        + manifest.declaration().name() + "': " + e, e);
            }
            throw failure;
        }
    }

    private static Map<String, String> digests(BundleManifest manifest, StagedLibrary staged) throws LoadRefusal {
        try {
            return LockCheck.digests(staged);
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot read the staged files of library '"
                    + manifest.declaration().name() + "' " + staged.files() + " to compute their SHA-256: " + e, e);
        }
    }

    /** The bundle's tenant, with room reserved in its quota: refused before anything is copied or opened. */
    private String admit(Bundle bundle, BundleManifest manifest, long generation) throws LoadRefusal {
        try {
            return tenants.admit(bundle, manifest.entries(), generation);
        } catch (TenantRefusal refusal) {
            throw new LoadRefusal(RefusalReason.TENANT_REFUSED, refusal.getMessage());
        }
    }
}
