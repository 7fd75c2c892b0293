package io.nativebundle.wrap;

import java.io.IOException;
import java.nio.file.Path;

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
 * }</pre>
 *
 * <p>The library must export every declared symbol. A library built with {@code nativebundle.h}
 * carries a build note, which must then name the descriptor's library and version; a third-party
 * library without one is wrapped for the ABI of the running runtime. Nothing is written unless
 * every check passed. The same inputs give the same bytes.
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
}
