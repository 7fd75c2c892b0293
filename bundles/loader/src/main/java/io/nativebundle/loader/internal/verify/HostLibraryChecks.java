package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.host.SystemLibraryLocator;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.stage.StagedLibrary;

/**
 * The checks of a library the host provides ({@code NativeBundle-Library: z;system=libz.so.1;...}),
 * on the real file in place, never a copy: {@code locate}, {@code digest} (the allow-list, if the
 * bundle gives one), the binary checks without the build note (a host library has none), and
 * {@code version} against the declared range. The version comes from the file here; with a
 * {@code version-symbol} the loader asks the function once the library is open instead.
 */
public final class HostLibraryChecks {

    public static final String LOCATE = "locate";
    public static final String VERSION = "version";

    private HostLibraryChecks() {
    }

    static VerifiedLibrary verify(BundleManifest manifest, StagedLibrary staged, RuntimeHost host) throws LoadRefusal {
        LibraryDeclaration declaration = manifest.declaration();
        String file = declaration.system().orElseThrow();
        SystemLibraryLocator.Located located = staged.host().orElseThrow();
        Path real = located.real();
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.pass(LOCATE, file + " found on the host's library search path: "
                + located.describe() + "; never copied: opened through a link from this generation's folder"));
        String sha256 = sha256(real);
        checks.add(AllowListCheck.check(declaration.name(), declaration.sha256(), real, sha256));
        BundleDeclaration checked = new BundleDeclaration(manifest.bundle(), declaration.name(),
                declaration.version().toString(), symbolsToCheck(declaration, manifest.symbolNames()),
                manifest.abiFilter());
        BinaryVerifier.Passed passed = BinaryVerifier.verify(host, checked, staged.platform(),
                List.of(real.toString()), List.of(real), true);
        checks.addAll(passed.checks());
        VerifiedLibrary verified = new VerifiedLibrary(staged.platform(), file, staged.files(), sha256,
                manifest.version(), checks, passed.dependencies());
        if (declaration.versionSymbol().isPresent()) {
            return verified;
        }
        HostVersion version = fromFile(declaration.name(), real);
        version.check(declaration.range(), declaration.name(), real);
        return verified.withVersion(version.version(), CheckResult.pass(VERSION,
                version.describe(declaration.range(), real)));
    }

    /**
     * The verifier's view of the same steps, one result per check; it reads the host file but
     * never opens it, so the version comes from the file even when a {@code version-symbol} is declared.
     */
    public static List<CheckResult> report(LibraryDeclaration declaration, BundleDeclaration bundle,
                                           RuntimeHost platform) {
        String file = declaration.system().orElseThrow();
        List<CheckResult> results = new ArrayList<>();
        Path real;
        try {
            SystemLibraryLocator.Located located = new SystemLibraryLocator(platform.libraries())
                    .locate(declaration.name(), file);
            real = located.real();
            results.add(CheckResult.pass(LOCATE, file + " found on the host's library search path: "
                    + located.describe()));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(LOCATE, refusal.reason(), refusal.getMessage()));
            return results;
        }
        try {
            results.add(AllowListCheck.check(declaration.name(), declaration.sha256(), real, sha256(real)));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(DigestCheck.NAME, refusal.reason(), refusal.getMessage()));
        }
        BundleDeclaration withVersionSymbol = new BundleDeclaration(bundle.bundle(), bundle.library(), bundle.version(),
                symbolsToCheck(declaration, bundle.symbols()), bundle.abiFilter(), bundle.wrapped());
        results.addAll(BinaryVerifier.report(platform, withVersionSymbol, platform.hostLibraryPlatform(),
                List.of(real.toString()), List.of(real), true));
        try {
            HostVersion version = fromFile(declaration.name(), real);
            version.check(declaration.range(), declaration.name(), real);
            results.add(CheckResult.pass(VERSION, version.describe(declaration.range(), real) + declaration.versionSymbol()
                    .map(s -> "; the loader asks " + s + "() once the library is open").orElse("")));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(VERSION, refusal.reason(), refusal.getMessage()
                    + declaration.versionSymbol().map(s -> " (the loader asks " + s + "() instead)").orElse("")));
        }
        return results;
    }

    /**
     * The symbols the binary checks look for: the declared ones and the version function, which
     * must be exported like any declared symbol and is refused the same way.
     */
    private static List<String> symbolsToCheck(LibraryDeclaration declaration, List<String> declared) {
        List<String> names = new ArrayList<>(declared);
        declaration.versionSymbol().filter(s -> !names.contains(s)).ifPresent(names::add);
        return names;
    }

    /** The version in the real file name, else the major version of the SONAME. */
    private static HostVersion fromFile(String library, Path real) throws LoadRefusal {
        Optional<HostVersion> byName = HostVersion.ofFileName(real);
        if (byName.isPresent()) {
            return byName.get();
        }
        Optional<String> soname;
        try {
            soname = ElfReader.read(real).soname();
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_BINARY, real + " cannot be read as ELF: " + e, e);
        }
        return soname.flatMap(HostVersion::ofSoname).orElseThrow(() -> new LoadRefusal(RefusalReason.VERSION_MISMATCH,
                "the version of library '" + library + "' cannot be read: " + real.getFileName() + " has no version"
                        + " in its name and its SONAME is " + soname.map(s -> "'" + s + "'").orElse("missing")
                        + "; declare version-symbol=<function returning the version>"));
    }

    private static String sha256(Path real) throws LoadRefusal {
        try {
            return Sha256.of(real);
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot read " + real + " to compute its SHA-256: " + e, e);
        }
    }
}
