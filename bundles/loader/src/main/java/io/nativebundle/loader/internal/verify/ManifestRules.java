package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.nativebundle.api.CheckResult;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.HostPlatform;

/**
 * The loader's own rules for manifest headers, clause selection, path safety and digests, lent to
 * the {@link JarVerifier} so a verified jar and an installed bundle are judged by the same code.
 * The loader implements it with its header parser, {@code NativeCodeSelector}, {@code PathSafety}
 * and {@code DigestCheck}. Every method throws {@code MALFORMED_HEADER} for a header that does not parse.
 */
public interface ManifestRules {

    /**
     * The name and version of a library, from {@code NativeBundle-Library}.
     *
     * @param system whether the library comes from the host ({@code system=})
     */
    record Library(String name, String version, boolean system) {
    }

    /** The clause chosen for this host: its platform, e.g. {@code linux-x86-64}, and its paths, the library first. */
    record Selection(String platform, List<String> entries) {

        public Selection {
            entries = List.copyOf(entries);
        }
    }

    /** Parses {@code NativeBundle-Library}. */
    Library library(String header) throws LoadRefusal;

    /** @return the symbol names of {@code NativeBundle-Symbols} */
    List<String> symbols(String header) throws LoadRefusal;

    /** @return the entries {@code NativeBundle-Digest} lists */
    List<String> digestedEntries(String header) throws LoadRefusal;

    /**
     * Compares the SHA-256 of {@code file}, a copy of {@code entry}, with {@code NativeBundle-Digest}.
     *
     * @return the digest
     * @throws LoadRefusal {@code DIGEST_MISMATCH}
     */
    String digest(String header, String entry, Path file) throws LoadRefusal, IOException;

    /** @return the paths of every clause of {@code Bundle-NativeCode}, without the optional {@code *} */
    List<String> nativeCodePaths(String header) throws LoadRefusal;

    /** @throws LoadRefusal {@code UNSAFE_PATH} for a path that could leave the bundle */
    void checkPath(String path) throws LoadRefusal;

    /** @throws LoadRefusal {@code NO_NATIVE_CODE} when no clause fits this host, {@code UNSAFE_PATH} */
    Selection select(String header) throws LoadRefusal;

    /**
     * The checks the loader runs on a system library's host file, in place: {@code locate},
     * {@code digest} (the allow-list), the binary checks and {@code version}. The verifier never
     * opens the file, so a {@code version-symbol} is not called: the version comes from the file.
     *
     * @param libraryHeader {@code NativeBundle-Library} of a system library
     */
    List<CheckResult> systemChecks(String libraryHeader, BundleDeclaration declaration, HostPlatform host);

    /** @return the {@code filter} directive of the {@code Require-Capability} clause in {@code namespace} */
    Optional<String> requirementFilter(String header, String namespace) throws LoadRefusal;
}
