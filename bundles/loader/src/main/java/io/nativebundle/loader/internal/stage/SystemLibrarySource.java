package io.nativebundle.loader.internal.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.HostPlatform;
import io.nativebundle.loader.internal.host.SystemLibraryLocator;
import io.nativebundle.loader.internal.manifest.LibraryDeclaration;
import io.nativebundle.loader.internal.manifest.SystemDeclaration;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.open.VersionFunction;
import io.nativebundle.loader.internal.verify.AllowListCheck;
import io.nativebundle.loader.internal.verify.BundleDeclaration;
import io.nativebundle.loader.internal.verify.DigestCheck;
import io.nativebundle.loader.internal.verify.HostVersion;
import io.nativebundle.loader.internal.verify.LoaderChecks;
import io.nativebundle.loader.internal.verify.Sha256;

/**
 * Prepares a library the host provides ({@code NativeBundle-Library: z;system=libz.so.1;...}):
 * find it on the default search path, allow-list its digest if the bundle gives one, run the
 * binary checks on the real file in place (never a copy), and check
 * its version against the declared range. The loader then opens it through a link in the
 * generation's folder ({@code NativeCache#link}). The version comes from the {@code version-symbol}
 * function after the open ({@link #versionAfterOpen}), else from the file before it.
 */
public final class SystemLibrarySource {

    static final String LOCATE = "locate";
    static final String VERSION = "version";

    private SystemLibrarySource() {
    }

    public static PreparedLibrary prepare(Bundle bundle, LibraryDeclaration declaration, List<NativeSymbol> symbols)
            throws LoadRefusal {
        SystemDeclaration host = declaration.host().orElseThrow();
        HostPlatform platform = LoaderChecks.host(bundle);
        String platformName = platformName(platform);
        SystemLibraryLocator.Located located = new SystemLibraryLocator(platform.libraries())
                .locate(declaration.name(), host.file());
        Path real = located.real();
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.pass(LOCATE, host.file() + " found on the host's library search path: "
                + located.describe() + "; never copied: opened through a link from this generation's folder"));
        String sha256 = sha256(real);
        checks.add(AllowListCheck.check(declaration.name(), host.sha256(), real, sha256));
        List<String> names = host.symbolsToCheck(symbols.stream().map(NativeSymbol::name).toList());
        LoaderChecks.Passed passed = LoaderChecks.verifySystem(platform, bundle, declaration.name(),
                declaration.version(), names, platformName, real);
        checks.addAll(passed.checks());
        PreparedLibrary prepared = new PreparedLibrary(platformName, host.file(), List.of(real), sha256,
                declaration.version(), checks, passed.dependencies());
        if (host.versionSymbol().isPresent()) {
            return prepared;
        }
        HostVersion version = fromFile(declaration.name(), real);
        version.check(host.range(), declaration.name(), real);
        return prepared.withVersion(version.version(), CheckResult.pass(VERSION, version.describe(host.range(), real)));
    }

    /**
     * The verifier's view of the same steps, one result per check; it reads the host file but
     * never opens it, so the version comes from the file even when a {@code version-symbol} is declared.
     */
    public static List<CheckResult> report(LibraryDeclaration declaration, BundleDeclaration bundle, HostPlatform platform) {
        SystemDeclaration host = declaration.host().orElseThrow();
        List<CheckResult> results = new ArrayList<>();
        Path real;
        try {
            SystemLibraryLocator.Located located = new SystemLibraryLocator(platform.libraries())
                    .locate(declaration.name(), host.file());
            real = located.real();
            results.add(CheckResult.pass(LOCATE, host.file() + " found on the host's library search path: "
                    + located.describe()));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(LOCATE, refusal.reason(), refusal.getMessage()));
            return results;
        }
        try {
            results.add(AllowListCheck.check(declaration.name(), host.sha256(), real, sha256(real)));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(DigestCheck.NAME, refusal.reason(), refusal.getMessage()));
        }
        BundleDeclaration withVersionSymbol = new BundleDeclaration(bundle.bundle(), bundle.library(), bundle.version(),
                host.symbolsToCheck(bundle.symbols()), bundle.abiFilter(), bundle.wrapped());
        results.addAll(LoaderChecks.reportSystem(platform, withVersionSymbol, platformName(platform), real));
        try {
            HostVersion version = fromFile(declaration.name(), real);
            version.check(host.range(), declaration.name(), real);
            results.add(CheckResult.pass(VERSION, version.describe(host.range(), real) + host.versionSymbol()
                    .map(s -> "; the loader asks " + s + "() once the library is open").orElse("")));
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(VERSION, refusal.reason(), refusal.getMessage()
                    + host.versionSymbol().map(s -> " (the loader asks " + s + "() instead)").orElse("")));
        }
        return results;
    }

    private static String platformName(HostPlatform platform) {
        return "linux-" + platform.machine().osgiProcessor();
    }

    /**
     * Calls the {@code version-symbol} function of the opened library and checks its answer; the
     * prepared library unchanged when none is declared.
     *
     * @throws LoadRefusal {@code VERSION_MISMATCH}; the caller closes what it opened
     */
    public static PreparedLibrary versionAfterOpen(LibraryDeclaration declaration, PreparedLibrary prepared,
            LibraryGeneration generation) throws LoadRefusal {
        Optional<String> symbol = declaration.host().flatMap(SystemDeclaration::versionSymbol);
        if (symbol.isEmpty()) {
            return prepared;
        }
        SystemDeclaration host = declaration.host().get();
        Path opened = prepared.files().get(0);
        String text = VersionFunction.call(generation, opened, symbol.get());
        Path file = hostFile(opened);
        HostVersion version = HostVersion.ofText(text, symbol.get() + "() returned \"" + text + "\"")
                .orElseThrow(() -> new LoadRefusal(RefusalReason.VERSION_MISMATCH, symbol.get() + "() of " + file
                        + " returned \"" + text + "\"; expected a version like 1.2.13"));
        version.check(host.range(), declaration.name(), file);
        return prepared.withVersion(version.version(), CheckResult.pass(VERSION, version.describe(host.range(), file)));
    }

    /** The host file behind the generation's link to it, for messages. */
    private static Path hostFile(Path opened) {
        try {
            return Files.isSymbolicLink(opened) ? Files.readSymbolicLink(opened) : opened;
        } catch (IOException e) {
            return opened;
        }
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
