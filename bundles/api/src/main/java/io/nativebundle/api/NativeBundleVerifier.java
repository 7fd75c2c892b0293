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

    /**
     * Runs every check on the jar, and checks its signature against the given trust store instead
     * of the runtime's: the {@code trust} check passes only when a valid signature by a certificate
     * of the store covers the manifest and every native file of the clause selected for this host.
     * {@code native:verify --trust <store>} is built on it, for CI.
     *
     * @param trustStore a PKCS#12 ({@code .p12}, {@code .pfx}) or JKS ({@code .jks}) keystore, or a
     *                   folder of PEM certificates (and {@code *.crl} files), or one PEM file
     * @param password   the keystore's password; null for none
     * @throws IOException when the jar cannot be read as a jar at all
     * @since 2.1
     */
    VerificationReport verify(Path bundleJar, Path trustStore, String password) throws IOException;
}
