package io.nativebundle.loader.internal.manifest;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.PrebuiltHeader;
import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * What one native bundle declares, read from its headers once, at the start of its load: the
 * first step of the pipeline, before anything is reserved, copied or opened. The headers are read
 * with the contract's grammars ({@link LibraryHeader}, {@link SymbolsHeader}, {@link DigestHeader}),
 * the very rules the bnd plugin builds with, so a bundle the build accepts is one the loader accepts.
 *
 * @param bundle      names the bundle in messages, e.g. {@code io.nativebundle.examples.math 0.1.0 [7]}
 * @param declaration {@code NativeBundle-Library}
 * @param symbols     {@code NativeBundle-Symbols}, in order; signatures and variable types already checked
 * @param digests     {@code NativeBundle-Digest}: the lowercase SHA-256 of each jar entry
 * @param selection   the {@code Bundle-NativeCode} clause for this platform; empty for a host library
 * @param abiFilter   the filter of the bundle's {@code io.nativebundle.abi} requirement, if it has one
 * @param wrapped     whether its library was built elsewhere and carries no build note: the runtime
 *                    wrapped it from a descriptor ({@code NativeBundle-Wrapped}), or another toolchain
 *                    built it ({@code NativeBundle-Prebuilt})
 * @param prebuilt    {@code NativeBundle-Prebuilt}: the toolchain and the ABI it declares
 */
public record BundleManifest(String bundle, LibraryDeclaration declaration, List<NativeSymbol> symbols,
                             Map<String, String> digests, Optional<NativeCodeSelection> selection,
                             Optional<String> abiFilter, boolean wrapped, Optional<PrebuiltHeader> prebuilt) {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    public BundleManifest {
        symbols = List.copyOf(symbols);
        digests = Map.copyOf(digests);
    }

    /**
     * @throws LoadRefusal {@code MALFORMED_HEADER} for a header that breaks the contract; for a
     *                     bundled library {@code NO_NATIVE_CODE} when no clause fits this host and
     *                     {@code UNSAFE_PATH} for a path that could leave the bundle
     */
    public static BundleManifest read(Bundle bundle, NativeCodeSelector selector) throws LoadRefusal {
        Dictionary<String, String> headers = bundle.getHeaders("");
        String bundleName = describe(bundle);
        LibraryDeclaration declaration = library(bundleName, headers.get(NativeBundleConstants.HEADER_LIBRARY));
        List<NativeSymbol> symbols;
        Map<String, String> digests;
        Optional<PrebuiltHeader> prebuilt;
        try {
            symbols = symbols(headers.get(NativeBundleConstants.HEADER_SYMBOLS));
            digests = DigestHeader.parse(headers.get(NativeBundleConstants.HEADER_DIGEST));
            prebuilt = PrebuiltHeader.parse(headers.get(NativeBundleConstants.HEADER_PREBUILT));
        } catch (MalformedHeaderException e) {
            throw LoadRefusal.malformedHeader(e);
        }
        // a host library has no Bundle-NativeCode: the host file is found on its search path instead
        Optional<NativeCodeSelection> selection = declaration.isSystem() ? Optional.empty()
                : Optional.of(selector.select(headers.get(Constants.BUNDLE_NATIVECODE)));
        return new BundleManifest(bundleName, declaration, symbols, digests, selection,
                RequirementFilter.of(bundle, NativeBundleConstants.ABI_NAMESPACE),
                headers.get(NativeBundleConstants.HEADER_WRAPPED) != null || prebuilt.isPresent(), prebuilt);
    }

    /**
     * {@code NativeBundle-Library} by the contract's rules; what it accepts but warns about (an
     * unknown attribute) is logged, naming the bundle.
     *
     * @throws LoadRefusal {@code MALFORMED_HEADER} with the first problem
     */
    public static LibraryDeclaration library(String bundle, String header) throws LoadRefusal {
        LibraryHeader.Result result = LibraryHeader.check(header);
        result.warnings().forEach(w -> LOG.log(Level.WARNING, "nativebundle: " + bundle + ": " + w));
        if (result.declaration().isEmpty()) {
            throw LoadRefusal.malformedHeader(new MalformedHeaderException(result.problems().get(0)));
        }
        return result.declaration().get();
    }

    /** {@code NativeBundle-Symbols} as the API describes symbols, in order. */
    public static List<NativeSymbol> symbols(String header) throws MalformedHeaderException {
        List<NativeSymbol> symbols = new ArrayList<>();
        for (DeclaredSymbol s : SymbolsHeader.parse(header)) {
            NativeSymbol.Kind kind = s.kind() == DeclaredSymbol.Kind.FUNCTION ? NativeSymbol.Kind.FUNCTION
                    : NativeSymbol.Kind.VARIABLE;
            symbols.add(new NativeSymbol(s.name(), kind, s.signature(), s.leaf()));
        }
        return symbols;
    }

    /** The declared version as the framework's type: the exact one of a bundled library, the floor of a host one's range. */
    public static Version version(LibraryDeclaration declaration) {
        return Version.parseVersion(declaration.version().toString());
    }

    /** E.g. {@code io.nativebundle.examples.math 0.1.0 [7]}. */
    public static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /** Whether the library comes from the host ({@code system=}). */
    public boolean system() {
        return declaration.isSystem();
    }

    /** The declared version; see {@link #version(LibraryDeclaration)}. */
    public Version version() {
        return version(declaration);
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
