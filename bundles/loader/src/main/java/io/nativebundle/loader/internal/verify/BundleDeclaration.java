package io.nativebundle.loader.internal.verify;

import java.util.List;
import java.util.Optional;

import io.nativebundle.contract.PrebuiltHeader;

/**
 * What a native bundle's manifest promises about its library, as the binary checks need it.
 *
 * @param bundle    names the bundle in messages, e.g. {@code io.nativebundle.examples.math 0.1.0 [7]} or a jar file
 * @param library   the library name of {@code NativeBundle-Library}
 * @param version   the library version of {@code NativeBundle-Library}
 * @param symbols   the symbol names of {@code NativeBundle-Symbols}, in order
 * @param abiFilter the filter of the bundle's {@code io.nativebundle.abi} requirement, if it has one
 * @param wrapped   whether the runtime wrapped the bundle from a {@code .nativebundle} descriptor
 *                  ({@code NativeBundle-Wrapped}) or its author declared it prebuilt by another toolchain
 *                  ({@code NativeBundle-Prebuilt}); its library may then lack a build note
 * @param prebuilt  {@code NativeBundle-Prebuilt}, if declared: the ABI stands in for a build note's
 */
record BundleDeclaration(String bundle, String library, String version, List<String> symbols,
                                Optional<String> abiFilter, boolean wrapped, Optional<PrebuiltHeader> prebuilt) {

    public BundleDeclaration {
        symbols = List.copyOf(symbols);
    }

    /** A bundle that is not declared prebuilt. */
    public BundleDeclaration(String bundle, String library, String version, List<String> symbols,
                             Optional<String> abiFilter, boolean wrapped) {
        this(bundle, library, version, symbols, abiFilter, wrapped, Optional.empty());
    }

    /** A bundle built with the bnd plugin, not wrapped. */
    public BundleDeclaration(String bundle, String library, String version, List<String> symbols,
                             Optional<String> abiFilter) {
        this(bundle, library, version, symbols, abiFilter, false);
    }
}
