package io.nativebundle.loader.internal.verify;

import java.util.List;

import io.nativebundle.loader.internal.host.RuntimeHost;

/**
 * What one run of the binary checks looks at.
 *
 * @param host        this host
 * @param declaration what the manifest promises
 * @param platform    the platform of the selected clause, e.g. {@code linux-x86-64}
 * @param libraries   the files of the selected clause, the library to open first, then its same-bundle dependencies
 * @param system      whether the library comes from the host ({@code system=}), not from the bundle
 */
record CheckSubject(RuntimeHost host, BundleDeclaration declaration, String platform, List<BundleLibrary> libraries,
                    boolean system) {

    public CheckSubject {
        libraries = List.copyOf(libraries);
    }

    BundleLibrary main() {
        return libraries.get(0);
    }

    /** E.g. {@code native/linux/x86-64/libmath.so of io.nativebundle.examples.math 0.1.0 [7]}. */
    String name(BundleLibrary library) {
        return library.entry() + " of " + declaration.bundle();
    }
}
