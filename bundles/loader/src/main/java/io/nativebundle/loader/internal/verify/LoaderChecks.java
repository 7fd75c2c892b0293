package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.HostPlatform;

/**
 * The loader's entry to the checks before {@code dlopen}: called once the selected files are in
 * the cache folder and their digests match, on those exact copies.
 *
 * <pre>{@code
 * LoaderChecks.Passed passed = LoaderChecks.verify(bundle, "math", version, symbols, "linux-x86-64",
 *         List.of("native/linux/x86-64/libmath.so"), List.of(cachedCopy));
 * }</pre>
 */
public final class LoaderChecks {

    private LoaderChecks() {
    }

    /**
     * @param bundle   the native bundle
     * @param library  the library name of {@code NativeBundle-Library}
     * @param version  its version
     * @param symbols  {@code NativeBundle-Symbols}
     * @param platform the platform of the selected clause, e.g. {@code linux-x86-64}
     * @param entries  the clause's jar entries, the library to open first
     * @param files    the cached copies of {@code entries}, in the same order
     * @return the checks that passed (from {@code elf} to {@code dependencies}) and the located dependencies
     * @throws LoadRefusal {@code MALFORMED_BINARY}, {@code WRONG_MACHINE}, {@code LIBC_MISMATCH},
     *                     {@code GLIBC_TOO_OLD}, {@code SYMBOL_MISSING}, {@code BUILD_NOTE_MISMATCH}
     *                     or {@code DEPENDENCY_MISSING}, for the first check that fails
     */
    public static Passed verify(Bundle bundle, String library, Version version, List<NativeSymbol> symbols,
            String platform, List<String> entries, List<Path> files) throws LoadRefusal {
        BundleDeclaration declaration = new BundleDeclaration(describe(bundle), library, version.toString(),
                symbols.stream().map(NativeSymbol::name).toList(), abiFilter(bundle),
                bundle.getHeaders("").get(NativeBundleConstants.HEADER_WRAPPED) != null);
        return BinaryVerifier.verify(HostPlatform.of(context(bundle)), declaration, platform, entries, files);
    }

    /**
     * The same checks on a library the host provides ({@code system=}), read in place: the build
     * note is skipped (a host library has none), everything else is as strict.
     *
     * @param host the host, as {@link #host} read it to locate the file
     * @param file the real path of the host file
     * @throws LoadRefusal as {@link #verify}, except {@code BUILD_NOTE_MISMATCH}
     */
    public static Passed verifySystem(HostPlatform host, Bundle bundle, String library, Version version,
            List<String> symbols, String platform, Path file) throws LoadRefusal {
        BundleDeclaration declaration = new BundleDeclaration(describe(bundle), library, version.toString(), symbols,
                abiFilter(bundle));
        return BinaryVerifier.verify(host, declaration, platform, List.of(file.toString()), List.of(file), true);
    }

    /** The verifier's run of the binary checks on a host file: one result per check, build note skipped. */
    public static List<CheckResult> reportSystem(HostPlatform host, BundleDeclaration declaration, String platform,
            Path file) {
        return BinaryVerifier.report(host, declaration, platform, List.of(file.toString()), List.of(file), true);
    }

    /** This host's machine and search path, as the checks see them. */
    public static HostPlatform host(Bundle bundle) {
        return HostPlatform.of(context(bundle));
    }

    /**
     * What a load that passed every check learned.
     *
     * @param checks       the checks that ran and passed, in order, each with what it checked
     * @param dependencies the {@code DT_NEEDED} libraries of the library to open, each with where it
     *                     was found, e.g. {@code libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)}
     */
    public record Passed(List<CheckResult> checks, List<String> dependencies) {

        public Passed {
            checks = List.copyOf(checks);
            dependencies = List.copyOf(dependencies);
        }
    }

    /** The loader's own context, where the launcher's framework properties are read; the bundle's as a fallback. */
    private static BundleContext context(Bundle bundle) {
        Bundle loader = FrameworkUtil.getBundle(LoaderChecks.class);
        BundleContext context = loader == null ? null : loader.getBundleContext();
        return context != null ? context : bundle.getBundleContext();
    }

    private static Optional<String> abiFilter(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(NativeBundleConstants.ABI_NAMESPACE)) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (filter != null) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
