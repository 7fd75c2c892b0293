package io.nativebundle.binary;

import io.nativebundle.binary.internal.ElfContents;
import io.nativebundle.binary.internal.LibcDetector;
import io.nativebundle.binary.internal.VisibilityExplainer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ELF file says about itself: platform, dependencies, symbols, symbol versions and notes.
 * Obtained from {@link ElfReader}; immutable and thread-safe.
 *
 * <pre>{@code
 * ElfFile lib = ElfReader.read(path);
 * lib.needed();                       // [libm.so.6, libc.so.6]
 * lib.highestGlibc();                 // Optional[2.29]
 * lib.explainMissing("helper");       // HIDDEN: ... -fvisibility=hidden ...
 * }</pre>
 */
public final class ElfFile {

    private final ElfContents contents;

    ElfFile(ElfContents contents) {
        this.contents = contents;
    }

    /** @return the name given to {@link ElfReader} (the path for files) */
    public String name() {
        return contents.name();
    }

    /** @return 32- or 64-bit */
    public ElfClass elfClass() {
        return contents.elfClass();
    }

    /** @return the byte order of the file's data */
    public ByteOrder byteOrder() {
        return contents.byteOrder();
    }

    /** @return the instruction set, {@link ElfMachine#OTHER} if unknown */
    public ElfMachine machine() {
        return contents.machine();
    }

    /** @return {@code e_ident[EI_OSABI]} (0 = System V, 3 = GNU/Linux) */
    public int osAbi() {
        return contents.osAbi();
    }

    /** @return the object file type; {@link ElfType#DYN} for shared libraries */
    public ElfType type() {
        return contents.type();
    }

    /** @return the program interpreter ({@code PT_INTERP}); empty for ordinary shared libraries */
    public Optional<String> interpreter() {
        return contents.interpreter();
    }

    /** @return the {@code DT_NEEDED} entries, in file order */
    public List<String> needed() {
        return contents.needed();
    }

    /** @return the {@code DT_SONAME}, if any */
    public Optional<String> soname() {
        return contents.soname();
    }

    /** @return the {@code DT_RUNPATH} entries (split on {@code ':'}, empty entries dropped) */
    public List<String> runpath() {
        return contents.runpath();
    }

    /** @return the {@code DT_RPATH} entries (split on {@code ':'}, empty entries dropped) */
    public List<String> rpath() {
        return contents.rpath();
    }

    /**
     * @return the dynamic symbol table ({@code .dynsym}, or, for files without section headers,
     *         the table that {@code DT_SYMTAB} points to), without the null symbol at index 0
     */
    public List<ElfSymbol> dynamicSymbols() {
        return contents.dynamicSymbols();
    }

    /**
     * Finds a symbol others can bind to: in the dynamic symbol table, defined, global, weak or
     * GNU-unique, with default or protected visibility.
     *
     * @param name the symbol name, without version suffix
     * @return the first such symbol, or empty; {@link #explainMissing(String)} says why
     */
    public Optional<ElfSymbol> exportedSymbol(String name) {
        return dynamicSymbols().stream()
                .filter(s -> s.name().equals(name) && VisibilityExplainer.isExported(s))
                .findFirst();
    }

    /** @return the full symbol table ({@code .symtab}), without the null symbol; empty if stripped */
    public List<ElfSymbol> symbolTable() {
        return contents.symbolTable();
    }

    /**
     * @return the version needs ({@code SHT_GNU_verneed}): needed file name to the version names
     *         required from it, both in file order, e.g. {@code libc.so.6 -> [GLIBC_2.2.5, GLIBC_2.34]}
     */
    public Map<String, List<String>> versionNeeds() {
        return contents.versionNeeds();
    }

    /** @return the highest {@code GLIBC_x.y[.z]} version needed from any library, if any */
    public Optional<GlibcVersion> highestGlibc() {
        return versionNeeds().values().stream()
                .flatMap(List::stream)
                .map(GlibcVersion::parse)
                .flatMap(Optional::stream)
                .max(GlibcVersion::compareTo);
    }

    /** @return the C library this file was linked against, as far as it tells */
    public LibcFlavour libc() {
        return LibcDetector.detect(contents);
    }

    /**
     * @return all notes of all {@code SHT_NOTE} sections, in file order (or of all
     *         {@code PT_NOTE} segments when the file has no section headers)
     */
    public List<ElfNote> notes() {
        return contents.notes();
    }

    /** @return the nativebundle build note ({@code .note.nativebundle}), if the library has one */
    public Optional<BuildNote> buildNote() {
        return contents.buildNote();
    }

    /**
     * Says whether a symbol is exported and, if not, why: hidden visibility, local ({@code static}),
     * only referenced, or absent — in words that tell the author how to fix it.
     *
     * @param symbol the symbol name
     * @return the verdict and its reason
     */
    public SymbolVisibilityReport explainMissing(String symbol) {
        return VisibilityExplainer.explain(this, contents.localizedSymbols(), symbol);
    }

    @Override
    public String toString() {
        return "ElfFile[" + name() + ", " + elfClass() + " " + machine() + " " + type()
                + ", soname=" + soname().orElse("-") + ", needed=" + needed() + "]";
    }
}
