package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.VerificationReport;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.trust.TrustCheck;
import io.nativebundle.loader.internal.trust.TrustSettings;

/**
 * The {@link NativeBundleVerifier} service: checks a jar as the framework and the loader would,
 * without installing it. The manifest, ABI, platform, path, digest and binary checks are the
 * loader's own (its manifest classes and the binary check classes); the selected native
 * files are extracted to a temporary folder, read, never opened, and deleted afterwards. With a
 * trust store (the one given, or else the runtime's {@code io.nativebundle.trust.*}), the last check
 * is {@code trust}: the loader's signature check, on the jar's own entries.
 *
 * <pre>{@code
 * VerificationReport report = verifier.verify(Path.of("plugins/greeter.jar"));
 * report.checks().stream().filter(c -> !c.passed())
 *         .forEach(c -> System.out.println(c.check() + ": " + c.reason().orElse(null) + " " + c.detail()));
 * }</pre>
 */
public final class JarVerifier implements NativeBundleVerifier {

    private final BundleContext context;
    private final NativeCodeSelector selector;
    private final Supplier<Optional<TrustSettings>> runtimeTrust;

    /**
     * @param context      the loader's context: framework properties and the system bundle's capabilities describe the host
     * @param selector     the loader's choice of the {@code Bundle-NativeCode} clause for this host
     * @param runtimeTrust the runtime's trust store, if one is set
     */
    public JarVerifier(BundleContext context, NativeCodeSelector selector, Supplier<Optional<TrustSettings>> runtimeTrust) {
        this.context = context;
        this.selector = selector;
        this.runtimeTrust = runtimeTrust;
    }

    @Override
    public VerificationReport verify(Path bundleJar) throws IOException {
        return verify(bundleJar, runtimeTrust.get());
    }

    @Override
    public VerificationReport verify(Path bundleJar, Path trustStore, String password) throws IOException {
        if (trustStore != null && !Files.exists(trustStore)) {
            throw new IOException("no trust store at " + trustStore.toAbsolutePath());
        }
        return verify(bundleJar, Optional.ofNullable(trustStore).map(store -> TrustSettings.of(store, password)));
    }

    private VerificationReport verify(Path bundleJar, Optional<TrustSettings> trust) throws IOException {
        RuntimeHost host = RuntimeHost.of(context);
        Path temp = Files.createTempDirectory("nativebundle-verify-");
        try (JarFile jar = new JarFile(bundleJar.toFile(), false)) {
            List<CheckResult> checks = new ArrayList<>(new JarVerification(bundleJar, jar, selector, host, temp).run());
            if (trust.isPresent()) {
                checks.add(TrustCheck.checkJar(jar, trust.get(), temp));
            }
            return new VerificationReport(bundleJar.toString(), checks);
        } finally {
            delete(temp);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder holds only copies of the jar's entries
        }
    }
}
