package io.nativebundle.loader.internal.manifest;

import java.util.Dictionary;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * What one native bundle declares, read from its headers once, at the start of its load: the
 * first step of the pipeline, before anything is reserved, copied or opened.
 *
 * @param bundle      names the bundle in messages, e.g. {@code io.nativebundle.examples.math 0.1.0 [7]}
 * @param declaration {@code NativeBundle-Library}
 * @param symbols     {@code NativeBundle-Symbols}, in order
 * @param digests     {@code NativeBundle-Digest}
 * @param selection   the {@code Bundle-NativeCode} clause for this platform; empty for a host library
 * @param abiFilter   the filter of the bundle's {@code io.nativebundle.abi} requirement, if it has one
 * @param wrapped     whether its library was built elsewhere and carries no build note: the runtime
 *                    wrapped it from a descriptor ({@code NativeBundle-Wrapped}), or another toolchain
 *                    built it ({@code NativeBundle-Prebuilt})
 */
public record BundleManifest(String bundle, LibraryDeclaration declaration, List<NativeSymbol> symbols,
                             DigestTable digests, Optional<NativeCodeSelection> selection,
                             Optional<String> abiFilter, boolean wrapped) {

    public BundleManifest {
        symbols = List.copyOf(symbols);
    }

    /**
     * @throws LoadRefusal {@code MALFORMED_HEADER} for a header that does not parse; for a bundled
     *                     library {@code NO_NATIVE_CODE} when no clause fits this host and
     *                     {@code UNSAFE_PATH} for a path that could leave the bundle
     */
    public static BundleManifest read(Bundle bundle, NativeCodeSelector selector) throws LoadRefusal {
        Dictionary<String, String> headers = bundle.getHeaders("");
        LibraryDeclaration declaration;
        List<NativeSymbol> symbols;
        DigestTable digests;
        try {
            declaration = LibraryDeclaration.parse(headers.get(NativeBundleConstants.HEADER_LIBRARY));
            symbols = SymbolDeclarations.parse(headers.get(NativeBundleConstants.HEADER_SYMBOLS));
            digests = DigestTable.parse(headers.get(NativeBundleConstants.HEADER_DIGEST));
        } catch (MalformedHeaderException e) {
            throw e.refusal();
        }
        // a host library has no Bundle-NativeCode: the host file is found on its search path instead
        Optional<NativeCodeSelection> selection = declaration.host().isPresent() ? Optional.empty()
                : Optional.of(selector.select(headers.get(Constants.BUNDLE_NATIVECODE)));
        return new BundleManifest(describe(bundle), declaration, symbols, digests, selection,
                RequirementFilter.of(bundle, NativeBundleConstants.ABI_NAMESPACE),
                headers.get(NativeBundleConstants.HEADER_WRAPPED) != null
                        || headers.get(NativeBundleConstants.HEADER_PREBUILT) != null);
    }

    /** E.g. {@code io.nativebundle.examples.math 0.1.0 [7]}. */
    public static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /** Whether the library comes from the host ({@code system=}). */
    public boolean system() {
        return declaration.host().isPresent();
    }

    /** The jar entries of the selected clause, the library first; none for a host library. */
    public List<String> entries() {
        return selection.map(NativeCodeSelection::entries).orElse(List.of());
    }

    /** The symbol names, in order. */
    public List<String> symbolNames() {
        return symbols.stream().map(NativeSymbol::name).toList();
    }
}
