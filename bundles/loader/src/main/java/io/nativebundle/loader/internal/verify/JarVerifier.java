package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.VerificationReport;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;

/**
 * The {@link NativeBundleVerifier} service: checks a jar as the framework and the loader would,
 * without installing it. The manifest, ABI, platform, path, digest and binary checks are the
 * loader's own (its manifest classes and the binary check classes); the selected native
 * files are extracted to a temporary folder, read, never opened, and deleted afterwards.
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

    /**
     * @param context  the loader's context: framework properties and the system bundle's capabilities describe the host
     * @param selector the loader's choice of the {@code Bundle-NativeCode} clause for this host
     */
    public JarVerifier(BundleContext context, NativeCodeSelector selector) {
        this.context = context;
        this.selector = selector;
    }

    @Override
    public VerificationReport verify(Path bundleJar) throws IOException {
        RuntimeHost host = RuntimeHost.of(context);
        Path temp = Files.createTempDirectory("nativebundle-verify-");
        try (JarFile jar = new JarFile(bundleJar.toFile(), false)) {
            return new VerificationReport(bundleJar.toString(), new JarVerification(bundleJar, jar, selector, host, temp).run());
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
