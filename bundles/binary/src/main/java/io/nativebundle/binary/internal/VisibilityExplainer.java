package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.binary.SymbolBinding;
import io.nativebundle.binary.SymbolVisibility;
import io.nativebundle.binary.SymbolVisibilityReport;
import io.nativebundle.binary.SymbolVisibilityReport.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explains why a symbol is not exported. The dynamic table says what others can bind to; the full
 * {@code .symtab}, when not stripped, still remembers hidden and {@code static} definitions,
 * which is what lets us tell the author what to change.
 */
public final class VisibilityExplainer {

    private static final String HOW_TO_EXPORT = "mark it NATIVEBUNDLE_EXPORT from nativebundle.h, "
            + "i.e. __attribute__((visibility(\"default\")))";

    private VisibilityExplainer() {
    }

    /** @return whether others can bind to the symbol, were it in the dynamic table */
    public static boolean isExported(ElfSymbol s) {
        return s.defined()
                && (s.binding() == SymbolBinding.GLOBAL || s.binding() == SymbolBinding.WEAK
                        || s.binding() == SymbolBinding.GNU_UNIQUE)
                && (s.visibility() == SymbolVisibility.DEFAULT || s.visibility() == SymbolVisibility.PROTECTED);
    }

    /**
     * @param localized the {@code .symtab} symbols the linker made local, see {@link ElfContents}
     */
    public static SymbolVisibilityReport explain(ElfFile file, Set<String> localized, String symbol) {
        String where = "'" + symbol + "' in " + file.name();
        List<ElfSymbol> dynamic = matching(file.dynamicSymbols(), symbol);
        Optional<ElfSymbol> exported = dynamic.stream().filter(VisibilityExplainer::isExported).findFirst();
        if (exported.isPresent()) {
            ElfSymbol s = exported.get();
            return report(symbol, Status.EXPORTED, where + " is exported: " + describe(s) + " in .dynsym");
        }
        Optional<ElfSymbol> defined = dynamic.stream().filter(ElfSymbol::defined).findFirst();
        if (defined.isEmpty()) {
            defined = matching(file.symbolTable(), symbol).stream().filter(ElfSymbol::defined).findFirst();
        }
        if (defined.isPresent()) {
            return explainDefined(symbol, where, defined.get(), localized.contains(symbol));
        }
        if (!dynamic.isEmpty() || !matching(file.symbolTable(), symbol).isEmpty()) {
            return report(symbol, Status.UNDEFINED, where + " is only referenced, not defined: the library "
                    + "expects it from one of its dependencies " + file.needed()
                    + "; define it in this library's sources (and " + HOW_TO_EXPORT + ") to export it");
        }
        return report(symbol, Status.ABSENT, absentReason(file, symbol, where));
    }

    private static SymbolVisibilityReport explainDefined(String symbol, String where, ElfSymbol s,
            boolean localizedByLinker) {
        if (s.visibility() == SymbolVisibility.HIDDEN || s.visibility() == SymbolVisibility.INTERNAL) {
            return report(symbol, Status.HIDDEN, where + " is defined but has "
                    + s.visibility().name().toLowerCase() + " visibility (" + describe(s) + "), so it is not "
                    + "in the dynamic symbol table; it was compiled with -fvisibility=hidden or "
                    + "__attribute__((visibility(\"hidden\"))); " + HOW_TO_EXPORT);
        }
        if (s.binding() == SymbolBinding.LOCAL && localizedByLinker) {
            return report(symbol, Status.HIDDEN, where + " is defined but was made local at link time (" + describe(s)
                    + " in .symtab, not in .dynsym): it has hidden visibility, from -fvisibility=hidden or "
                    + "__attribute__((visibility(\"hidden\"))), or a linker version script lists it as local; "
                    + HOW_TO_EXPORT);
        }
        if (s.binding() == SymbolBinding.LOCAL) {
            return report(symbol, Status.LOCAL, where + " is defined but local (" + describe(s) + "): it is "
                    + "declared static, or a linker version script made it local; remove 'static' "
                    + "(and the version script entry) and " + HOW_TO_EXPORT);
        }
        // global with default visibility yet missing from .dynsym: an executable not linked with -rdynamic
        return report(symbol, Status.HIDDEN, where + " is defined (" + describe(s) + ") but not in the "
                + "dynamic symbol table; link with -shared (or -Wl,--export-dynamic for an executable) "
                + "and " + HOW_TO_EXPORT);
    }

    private static String absentReason(ElfFile file, String symbol, String where) {
        StringBuilder reason = new StringBuilder(where).append(" is neither defined nor referenced");
        if (file.symbolTable().isEmpty()) {
            reason.append(" in .dynsym (").append(file.dynamicSymbols().size()).append(" symbols); the file is "
                    + "stripped (no .symtab), so a static or hidden definition cannot be ruled out");
        } else {
            reason.append(" in .dynsym (").append(file.dynamicSymbols().size()).append(" symbols) or .symtab (")
                    .append(file.symbolTable().size()).append(" symbols)");
        }
        reason.append("; check the spelling, C++ name mangling (declare it extern \"C\") and that the source "
                + "file defining it is compiled into the library");
        file.dynamicSymbols().stream()
                .filter(s -> s.name().equalsIgnoreCase(symbol) && isExported(s))
                .findFirst()
                .ifPresent(s -> reason.append("; did you mean '").append(s.name()).append("'?"));
        return reason.toString();
    }

    private static List<ElfSymbol> matching(List<ElfSymbol> table, String name) {
        return table.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static String describe(ElfSymbol s) {
        return s.type() + ", " + s.binding() + ", " + s.visibility() + " visibility";
    }

    private static SymbolVisibilityReport report(String symbol, Status status, String reason) {
        return new SymbolVisibilityReport(symbol, status, reason);
    }
}
