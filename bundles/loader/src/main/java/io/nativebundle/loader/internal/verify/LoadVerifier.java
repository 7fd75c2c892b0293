package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.stage.StagedLibrary;

/**
 * The verify step of a load: every check before the library is opened, on the exact files the
 * stage step put into the generation's folder. A bundled library: the digests of the copies,
 * then the binary checks ({@link BinaryVerifier}); a host library: {@link HostLibraryChecks}.
 *
 * <pre>{@code
 * VerifiedLibrary verified = LoadVerifier.verify(manifest, staged, host);
 * }</pre>
 */
public final class LoadVerifier {

    private LoadVerifier() {
    }

    /**
     * @return the library with the checks that passed, in order, and its located dependencies
     * @throws LoadRefusal {@code DIGEST_MISMATCH}, {@code MALFORMED_BINARY}, {@code WRONG_MACHINE},
     *                     {@code LIBC_MISMATCH}, {@code GLIBC_TOO_OLD}, {@code SYMBOL_MISSING},
     *                     {@code BUILD_NOTE_MISMATCH}, {@code DEPENDENCY_MISSING} or, for a host
     *                     library, {@code VERSION_MISMATCH}: the first check that fails
     */
    public static VerifiedLibrary verify(BundleManifest manifest, StagedLibrary staged, RuntimeHost host)
            throws LoadRefusal {
        if (manifest.system()) {
            return HostLibraryChecks.verify(manifest, staged, host);
        }
        Map<String, String> verified = new LinkedHashMap<>();
        for (int i = 0; i < staged.files().size(); i++) {
            verified.put(staged.entries().get(i), digest(manifest, staged.entries().get(i), staged.files().get(i)));
        }
        BundleDeclaration declaration = new BundleDeclaration(manifest.bundle(), manifest.declaration().name(),
                manifest.version().toString(), manifest.symbolNames(), manifest.abiFilter(), manifest.wrapped(),
                manifest.prebuilt());
        BinaryVerifier.Passed passed = BinaryVerifier.verify(host, declaration, staged.platform(), staged.entries(),
                staged.files());
        List<CheckResult> checks = new ArrayList<>();
        checks.add(DigestCheck.passed(verified));
        checks.addAll(passed.checks());
        return new VerifiedLibrary(staged.platform(), staged.entries().get(0), staged.files(),
                verified.get(staged.entries().get(0)), manifest.version(), checks, passed.dependencies());
    }

    private static String digest(BundleManifest manifest, String entry, Path file) throws LoadRefusal {
        try {
            return DigestCheck.verify(manifest.digests(), entry, file);
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot read " + file + ", the cached copy of '" + entry
                    + "', to compute its SHA-256: " + e, e);
        }
    }
}
