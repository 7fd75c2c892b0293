package io.nativebundle.loader.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.resource.Namespace;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.host.HostPlatform;
import io.nativebundle.loader.internal.manifest.DigestTable;
import io.nativebundle.loader.internal.manifest.HeaderClause;
import io.nativebundle.loader.internal.manifest.HeaderParser;
import io.nativebundle.loader.internal.manifest.LibraryDeclaration;
import io.nativebundle.loader.internal.manifest.MalformedHeaderException;
import io.nativebundle.loader.internal.manifest.NativeCodeSelection;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.manifest.PathSafety;
import io.nativebundle.loader.internal.manifest.SymbolDeclarations;
import io.nativebundle.loader.internal.stage.SystemLibrarySource;
import io.nativebundle.loader.internal.verify.BundleDeclaration;
import io.nativebundle.loader.internal.verify.DigestCheck;
import io.nativebundle.loader.internal.verify.ManifestRules;

/**
 * Lends the loader's header parsing, clause selection, path safety and digest check to the
 * verifier of {@code internal.verify}, which cannot see these package-private classes: one
 * implementation of each rule, so {@code native:verify} and the loader never disagree.
 */
final class VerifierRules implements ManifestRules {

    private final NativeCodeSelector selector;

    /** @param nativeCapability the attributes of the system bundle's {@code osgi.native} capability */
    VerifierRules(Map<String, Object> nativeCapability) {
        this.selector = new NativeCodeSelector(nativeCapability);
    }

    @Override
    public Library library(String header) throws LoadRefusal {
        try {
            LibraryDeclaration declaration = LibraryDeclaration.parse(header);
            return new Library(declaration.name(), declaration.version().toString(), declaration.host().isPresent());
        } catch (MalformedHeaderException e) {
            throw malformed(e);
        }
    }

    @Override
    public List<String> symbols(String header) throws LoadRefusal {
        try {
            return SymbolDeclarations.parse(header).stream().map(NativeSymbol::name).toList();
        } catch (MalformedHeaderException e) {
            throw malformed(e);
        }
    }

    @Override
    public List<String> digestedEntries(String header) throws LoadRefusal {
        List<String> entries = new ArrayList<>();
        for (HeaderClause clause : parse(NativeBundleConstants.HEADER_DIGEST, header)) {
            entries.addAll(clause.paths());
        }
        digestTable(header); // the same validation the loader applies
        return entries;
    }

    @Override
    public String digest(String header, String entry, Path file) throws LoadRefusal, IOException {
        return DigestCheck.verify(digestTable(header), entry, file);
    }

    @Override
    public List<String> nativeCodePaths(String header) throws LoadRefusal {
        List<String> paths = new ArrayList<>();
        for (HeaderClause clause : parse(Constants.BUNDLE_NATIVECODE, header)) {
            clause.paths().stream().filter(p -> !p.equals("*")).forEach(paths::add);
        }
        return paths;
    }

    @Override
    public void checkPath(String path) throws LoadRefusal {
        PathSafety.check(path);
    }

    @Override
    public Selection select(String header) throws LoadRefusal {
        NativeCodeSelection selection = selector.select(header);
        return new Selection(selection.platform(), selection.entries());
    }

    @Override
    public Optional<String> requirementFilter(String header, String namespace) throws LoadRefusal {
        for (HeaderClause clause : parse(Constants.REQUIRE_CAPABILITY, header)) {
            if (clause.paths().contains(namespace)) {
                return clause.directive(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            }
        }
        return Optional.empty();
    }

    private static DigestTable digestTable(String header) throws LoadRefusal {
        try {
            return DigestTable.parse(header);
        } catch (MalformedHeaderException e) {
            throw malformed(e);
        }
    }

    private static List<HeaderClause> parse(String name, String header) throws LoadRefusal {
        try {
            return HeaderParser.parse(name, header);
        } catch (MalformedHeaderException e) {
            throw malformed(e);
        }
    }

    private static LoadRefusal malformed(MalformedHeaderException e) {
        return new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
    }

    @Override
    public List<CheckResult> systemChecks(String libraryHeader, BundleDeclaration declaration, HostPlatform host) {
        try {
            return SystemLibrarySource.report(LibraryDeclaration.parse(libraryHeader), declaration, host);
        } catch (MalformedHeaderException e) {
            return List.of(CheckResult.fail("manifest", RefusalReason.MALFORMED_HEADER, e.getMessage()));
        }
    }
}
