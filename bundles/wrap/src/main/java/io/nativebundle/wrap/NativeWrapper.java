package io.nativebundle.wrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import io.nativebundle.wrap.internal.DetachedSigning;
import io.nativebundle.wrap.internal.JarSignerSupport;
import io.nativebundle.wrap.internal.WrapContext;
import io.nativebundle.wrap.internal.Wrapping;

/**
 * Wraps a raw shared library and its {@code .nativebundle} descriptor into a native bundle jar,
 * the same jar a {@code plugins/} drop-in installs and {@code native:wrap} writes.
 *
 * <pre>{@code
 * // libmath.so + libmath.nativebundle -> math.jar
 * NativeWrapper.wrap(Path.of("libmath.so"), Path.of("libmath.nativebundle"), Path.of("math.jar"));
 * // system = libz.so.1: the library comes from the host, only the descriptor is needed
 * NativeWrapper.wrap(null, Path.of("libz.nativebundle"), Path.of("z.jar"));
 * // signed, for a runtime with a trust store (io.nativebundle.trust.*)
 * SigningKey key = SigningKey.fromKeystore(Path.of("signer.p12"), null, password, null, null);
 * NativeWrapper.wrap(null, Path.of("libmath.nativebundle"), Path.of("math.jar"), key);
 * // a drop-in's detached signature: libmath.nativebundle.sig beside the descriptor
 * NativeWrapper.signDetached(Path.of("plugins/acme/libmath.nativebundle"), key);
 * }</pre>
 *
 * <p>The library must export every declared symbol. A library built with {@code nativebundle.h}
 * carries a build note, which must then name the descriptor's library and version; a third-party
 * library without one is wrapped for the ABI of the running runtime. Nothing is written unless
 * every check passed. The same inputs give the same bytes (unsigned: a signature carries the time
 * it was made).
 *
 * <p>Signing uses the JDK's jar signer, package {@code jdk.security.jarsigner} (module
 * {@code jdk.jartool}). Felix and Equinox export it to bundles; where the framework does not
 * (Karaf's default), signing throws an {@link UnsupportedOperationException} that says so, and
 * everything else works.
 */
public final class NativeWrapper {

    private NativeWrapper() {
    }

    /**
     * @param library    the {@code .so} to pack; null to use the one the descriptor names (its
     *                   {@code file}, else {@code <descriptor stem>.so} next to it) or, for a
     *                   {@code system =} descriptor, the host's library
     * @param descriptor the {@code .nativebundle} descriptor
     * @param outJar     the bundle to write; replaced atomically if it exists
     * @return {@code outJar}
     * @throws DescriptorException when the descriptor is bad or does not fit the library, with its line and column
     * @throws IOException         when a file cannot be read or written
     */
    public static Path wrap(Path library, Path descriptor, Path outJar) throws DescriptorException, IOException {
        return Wrapping.wrap(library, descriptor, outJar, WrapContext.standalone()).jar();
    }

    /**
     * As {@link #wrap(Path, Path, Path)}, the jar signed with {@code key} (SHA-256, its manifest's
     * main attributes covered, so every header is signed): a runtime whose trust store trusts the
     * key's certificate loads it.
     *
     * @throws UnsupportedOperationException when this bundle cannot reach the JDK's jar signer, naming
     *                                       what is missing; nothing is written
     */
    public static Path wrap(Path library, Path descriptor, Path outJar, SigningKey key)
            throws DescriptorException, IOException {
        return Wrapping.wrap(library, descriptor, outJar, WrapContext.standalone(), Optional.of(key)).jar();
    }

    /**
     * Writes the detached signature of a {@code .nativebundle} drop-in, {@code <descriptor>.sig}
     * beside it: it covers the descriptor and the library file it names (for {@code system =}, the
     * descriptor alone). Dropped into {@code plugins/} with them, it lets a runtime with a trust
     * store load the library. The descriptor must wrap; nothing is signed otherwise.
     *
     * @return the signature file, replaced atomically if it exists
     * @throws DescriptorException           when the descriptor does not wrap, with its line and column
     * @throws UnsupportedOperationException when this bundle cannot reach the JDK's jar signer
     */
    public static Path signDetached(Path descriptor, SigningKey key) throws DescriptorException, IOException {
        return DetachedSigning.sign(descriptor, key);
    }

    /**
     * Why this runtime cannot sign, e.g. that the framework does not export
     * {@code jdk.security.jarsigner} to this bundle; empty when it can. A shell asks before it reads
     * a keystore, so the user learns first what the framework lacks.
     */
    public static Optional<String> signingProblem() {
        return JarSignerSupport.problem();
    }
}
