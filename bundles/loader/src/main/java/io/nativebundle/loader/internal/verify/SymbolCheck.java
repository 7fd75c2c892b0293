package io.nativebundle.loader.internal.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * {@code SYMBOL_MISSING}: every symbol of {@code NativeBundle-Symbols} is exported (defined,
 * global or weak, default or protected visibility, in the dynamic symbol table) by a file of the
 * clause: jnr-ffi looks symbols up in the dependencies too, and so does the bnd plugin when it
 * checks the build. The message quotes the ELF reader's reason (hidden, static, absent) and lists
 * what the library does export.
 */
final class SymbolCheck implements BinaryCheck {

    /** Enough names to spot a typo, few enough to keep a log line readable. */
    private static final int MAX_LISTED = 40;

    @Override
    public String name() {
        return "symbols";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        List<String> declared = subject.declaration().symbols();
        List<String> inDependencies = new ArrayList<>();
        for (String symbol : declared) {
            Optional<BundleLibrary> exporter = subject.libraries().stream()
                    .filter(l -> l.elf().exportedSymbol(symbol).isPresent())
                    .findFirst();
            if (exporter.isEmpty()) {
                BundleLibrary main = subject.main();
                throw new LoadRefusal(RefusalReason.SYMBOL_MISSING, "NativeBundle-Symbols declares '" + symbol
                        + "' but " + subject.name(main) + (subject.libraries().size() > 1 ? " and its dependencies do" : " does")
                        + " not export it: " + main.elf().explainMissing(symbol).reason()
                        + "; exported: " + exported(main.elf()));
            }
            if (exporter.get() != subject.main()) {
                inDependencies.add(symbol + " (" + exporter.get().fileName() + ")");
            }
        }
        return declared.size() + " declared symbol(s) exported: " + String.join(", ", declared)
                + (inDependencies.isEmpty() ? "" : "; from dependencies: " + String.join(", ", inDependencies));
    }

    private static String exported(ElfFile elf) {
        Set<String> names = new LinkedHashSet<>();
        for (ElfSymbol symbol : elf.dynamicSymbols()) {
            if (symbol.defined() && elf.exportedSymbol(symbol.name()).isPresent()) {
                names.add(symbol.name());
            }
        }
        if (names.isEmpty()) {
            return "nothing";
        }
        List<String> listed = new ArrayList<>(names);
        if (listed.size() <= MAX_LISTED) {
            return String.join(", ", listed);
        }
        return String.join(", ", listed.subList(0, MAX_LISTED)) + ", ... (" + listed.size() + " in all)";
    }
}
