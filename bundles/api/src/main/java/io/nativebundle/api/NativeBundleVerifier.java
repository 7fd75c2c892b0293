package io.nativebundle.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks a native bundle jar without installing it: the same checks the loader runs before
 * {@code dlopen}, for this host, plus whether the framework could resolve it here. The shell's
 * {@code native:verify} is built on it, so CI pipelines can gate a plugin before deploying it.
 *
 * <pre>{@code
 * VerificationReport report = verifier.verify(Path.of("plugins/math.jar"));
 * report.checks().forEach(c -> System.out.println((c.passed() ? "PASS " : "FAIL ") + c.check()));
 * }</pre>
 */
@ProviderType
public interface NativeBundleVerifier {

    /**
     * Runs every check on the jar.
     *
     * @throws IOException when the file cannot be read as a jar at all
     */
    VerificationReport verify(Path bundleJar) throws IOException;
}
