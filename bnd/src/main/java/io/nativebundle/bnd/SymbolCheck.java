package io.nativebundle.bnd;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import aQute.service.reporter.Reporter;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.binary.SymbolType;
import io.nativebundle.binary.SymbolVisibilityReport;

import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Headers;

/**
 * Checks every declared symbol against the dynamic symbol table of every platform: it must be
 * exported by one of the platform's files (usually the main library), and be a function or a
 * variable as declared. A symbol missing on one platform only is the classic cross-compilation
 * slip this catches before anything is installed.
 */
final class SymbolCheck {

    /** GNU indirect functions resolve to a function, so they are callable like one. */
    private static final Set<SymbolType> FUNCTION_TYPES = Set.of(SymbolType.FUNC, SymbolType.GNU_IFUNC);
    private static final Set<SymbolType> VARIABLE_TYPES = Set.of(SymbolType.OBJECT);

    private final Reporter reporter;

    SymbolCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(List<SymbolDeclaration> symbols, List<PlatformBinaries> platforms) {
        for (PlatformBinaries platform : platforms) {
            if (platform.checkable()) {
                symbols.forEach(symbol -> check(symbol, platform));
            }
        }
    }

    private void check(SymbolDeclaration symbol, PlatformBinaries platform) {
        for (NativeFile file : platform.files()) {
            ElfFile elf = platform.elf(file).orElseThrow();
            Optional<ElfSymbol> exported = elf.exportedSymbol(symbol.name());
            if (exported.isPresent()) {
                checkKind(symbol, exported.get(), file);
                return;
            }
        }
        missing(symbol, platform);
    }

    private void checkKind(SymbolDeclaration symbol, ElfSymbol found, NativeFile file) {
        boolean variable = symbol.kind() == DeclaredSymbol.Kind.VARIABLE;
        if (!(variable ? VARIABLE_TYPES : FUNCTION_TYPES).contains(found.type())) {
            reporter.error("NativeBundle-Symbols: symbol '%s' is declared as a %s (%s) but %s (%s) exports it as "
                + "%s; expected %s", symbol.name(), symbol.kind().token(), symbol.origin(), file.path(),
                file.platform(), found.type(), variable ? "OBJECT" : "FUNC").header(Headers.SYMBOLS);
        }
    }

    /**
     * Reports against the file that explains the absence best: one where the symbol is at least
     * present (hidden, static, undefined) says more than "absent" in the main library.
     */
    private void missing(SymbolDeclaration symbol, PlatformBinaries platform) {
        NativeFile blamed = platform.main();
        SymbolVisibilityReport report = platform.elf(blamed).orElseThrow().explainMissing(symbol.name());
        for (NativeFile file : platform.files()) {
            SymbolVisibilityReport candidate = platform.elf(file).orElseThrow().explainMissing(symbol.name());
            if (report.status() == SymbolVisibilityReport.Status.ABSENT
                && candidate.status() != SymbolVisibilityReport.Status.ABSENT) {
                blamed = file;
                report = candidate;
            }
        }
        reporter.error("NativeBundle-Symbols: symbol '%s' is missing from %s (%s): %s", symbol.name(),
            blamed.path(), platform.platform(), report.reason()).header(Headers.SYMBOLS);
    }
}
