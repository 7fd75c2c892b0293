package io.nativebundle.loader.internal.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.DetachedSignature;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.stage.StagedLibrary;

/**
 * The {@code trust} check: with a trust store set for the bundle's tenant, a native bundle loads
 * only if one trusted signer's valid signature covers its manifest (the main attributes, so every
 * header) and every file of the bundle, the native files of the selected clause read from the
 * very copies that will be opened. A bundle the runtime wrapped from a {@code .nativebundle}
 * drop-in is trusted through the descriptor's detached signature instead, which must cover the
 * descriptor and its library file; the bundle must then have been installed from that descriptor
 * (its location), since only the wrapper writes a bundle there, from the descriptor it signs for.
 *
 * <pre>{@code
 * Optional<CheckResult> trusted = trust.check(bundle, manifest, staged, tenant, folder);   // before the digests
 * }</pre>
 */
public final class TrustCheck {

    /** The check's name, as {@code native:info} and {@code native:verify} show it. */
    public static final String NAME = "trust";

    private final Function<String, Optional<TrustSettings>> settings;
    private final TrustStores stores = new TrustStores();

    /** @param settings the trust settings of a tenant ({@code default} for runtime bundles); empty: nothing to check */
    public TrustCheck(Function<String, Optional<TrustSettings>> settings) {
        this.settings = settings;
    }

    /**
     * @param scratch a folder for the verification jars, e.g. the generation's folder
     * @return the passed check; empty when no trust store is set for the tenant
     * @throws LoadRefusal {@code UNTRUSTED} naming the signer found (or {@code unsigned}) and the trusted subjects
     */
    public Optional<CheckResult> check(Bundle bundle, BundleManifest manifest, StagedLibrary staged, String tenant,
                                       Path scratch) throws LoadRefusal {
        Optional<TrustSettings> trust = settings.apply(tenant);
        if (trust.isEmpty()) {
            return Optional.empty();
        }
        TrustAnchors anchors = anchors(trust.get(), manifest);
        Map<String, Path> copies = new LinkedHashMap<>();
        if (!manifest.system()) {
            for (int i = 0; i < staged.entries().size(); i++) {
                copies.put(staged.entries().get(i), staged.files().get(i));
            }
        }
        try {
            SignedContent jar = BundleContent.of(bundle, copies);
            Optional<SignedContent> detached = jar.pairs().isEmpty() ? detached(bundle, staged, manifest) : Optional.empty();
            if (jar.pairs().isEmpty() && detached.isEmpty() && droppedDescriptor(bundle)) {
                throw new UntrustedException("unsigned: no detached signature " + DetachedSignature.fileOf(wrapped(bundle))
                        + " was dropped beside " + wrapped(bundle) + " when it was wrapped (write it with native:sign)");
            }
            String signer = SignatureVerifier.verify(detached.orElse(jar), detached.isEmpty(), anchors, scratch);
            return Optional.of(CheckResult.pass(NAME, (detached.isPresent() ? "the detached signature of "
                    + wrapped(bundle) + " and its library" : "the manifest and " + jar.names().size()
                    + " entr" + (jar.names().size() == 1 ? "y" : "ies")) + " are signed by " + signer
                    + ", trusted by " + anchors.source()));
        } catch (UntrustedException e) {
            throw new LoadRefusal(RefusalReason.UNTRUSTED, manifest.bundle() + " is not trusted: " + e.getMessage()
                    + ". A trust store is set (" + anchors.source()
                    + ") for tenant '" + tenant + "', and it trusts " + anchors.subjects());
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot check the signature of " + manifest.bundle()
                    + ": " + e, e);
        }
    }

    /** The {@code trust} check of a jar on disk against the given store, for {@code native:verify --trust}. */
    public static CheckResult checkJar(JarFile jar, TrustSettings trust, Path scratch) throws IOException {
        try {
            TrustAnchors anchors = TrustAnchors.load(trust);
            SignedContent content = BundleContent.of(jar);
            try {
                String signer = SignatureVerifier.verify(content, true, anchors, scratch);
                return CheckResult.pass(NAME, "the manifest and " + content.names().size() + " entries are signed by "
                        + signer + ", trusted by " + anchors.source());
            } catch (UntrustedException e) {
                return CheckResult.fail(NAME, RefusalReason.UNTRUSTED, e.getMessage() + "; the store trusts "
                        + anchors.subjects());
            }
        } catch (TrustException e) {
            return CheckResult.fail(NAME, RefusalReason.UNTRUSTED, e.getMessage());
        }
    }

    private TrustAnchors anchors(TrustSettings trust, BundleManifest manifest) throws LoadRefusal {
        try {
            return stores.of(trust);
        } catch (TrustException e) {
            throw new LoadRefusal(RefusalReason.UNTRUSTED, manifest.bundle() + " is not trusted: " + e.getMessage());
        }
    }

    /**
     * The detached signature of a bundle wrapped from a descriptor: only when the bundle was installed
     * from that descriptor, where only the wrapper installs bundles.
     */
    private static Optional<SignedContent> detached(Bundle bundle, StagedLibrary staged, BundleManifest manifest)
            throws IOException {
        if (!droppedDescriptor(bundle)) {
            return Optional.empty();
        }
        String descriptor = wrapped(bundle);
        // a host library is not in the bundle: the signature covers the descriptor that names it
        return BundleContent.detached(bundle, descriptor,
                manifest.system() ? Optional.empty() : Optional.of(staged.files().get(0)));
    }

    /** Whether the bundle was installed from the descriptor it was wrapped from (a drop-in). */
    private static boolean droppedDescriptor(Bundle bundle) {
        String descriptor = wrapped(bundle);
        String location = bundle.getLocation();
        return descriptor != null && location != null && location.startsWith("file:")
                && location.endsWith("/" + descriptor);
    }

    private static String wrapped(Bundle bundle) {
        return bundle.getHeaders("").get(NativeBundleConstants.HEADER_WRAPPED);
    }
}
