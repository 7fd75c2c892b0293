package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfSymbol;
import io.nativebundle.binary.SymbolBinding;
import io.nativebundle.binary.SymbolType;
import io.nativebundle.binary.SymbolVisibility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a symbol table ({@code .dynsym} or {@code .symtab}). */
final class SymbolTableParser {

    private static final int STT_FILE = 4;
    private static final int STT_SECTION = 3;

    private SymbolTableParser() {
    }

    /**
     * @param symbols   the symbols, without the null symbol at index 0
     * @param localized names of local symbols that were global in the object files and made local
     *                  at link time (hidden visibility or a version script)
     */
    record SymbolTable(List<ElfSymbol> symbols, Set<String> localized) {

        static final SymbolTable EMPTY = new SymbolTable(List.of(), Set.of());
    }

    /** @return the size of one symbol entry for the file's class */
    static int entrySize(ByteReader in) {
        return in.wide() ? 24 : 16;
    }

    /**
     * @param offset  the file offset of the table
     * @param count   the number of entries, already checked to fit the file
     * @param label   e.g. {@code "section [3] .dynsym"}
     * @param strings the string table the names are in
     */
    static SymbolTable parse(ByteReader in, long offset, long count, String label, StringTable strings)
            throws ElfFormatException {
        int entsize = entrySize(in);
        in.require(offset, count * entsize, label);
        List<ElfSymbol> symbols = new ArrayList<>((int) Math.max(0, count - 1));
        Set<String> localized = new HashSet<>();
        // GNU ld marks the symbols it made local with a preceding unnamed STT_FILE symbol,
        // and (since binutils 2.35 or so) resets their visibility to DEFAULT
        boolean afterUnnamedFile = false;
        for (long i = 1; i < count; i++) {
            long at = offset + i * entsize;
            String what = label + " symbol " + i;
            long nameIndex = in.u32(at, what);
            int info = in.u8(at + (in.wide() ? 4 : 12), what);
            int other = in.u8(at + (in.wide() ? 5 : 13), what);
            int shndx = in.u16(at + (in.wide() ? 6 : 14), what);
            long value = in.wide() ? in.u64(at + 8, what) : in.u32(at + 4, what);
            long size = in.wide() ? in.u64(at + 16, what) : in.u32(at + 8, what);
            String name = withoutVersion(strings.at(nameIndex, what + " (at offset " + Hex.of(at) + ") st_name"));
            int type = info & 0xf;
            SymbolBinding binding = SymbolBinding.ofCode(info >>> 4);
            if (type == STT_FILE) {
                afterUnnamedFile = name.isEmpty();
            } else if (afterUnnamedFile && binding == SymbolBinding.LOCAL && type != STT_SECTION) {
                localized.add(name);
            }
            symbols.add(new ElfSymbol(name, SymbolType.ofCode(type), binding, SymbolVisibility.ofCode(other),
                    shndx != 0, value, size));
        }
        return new SymbolTable(List.copyOf(symbols), Set.copyOf(localized));
    }

    // .symtab names of versioned references read "pow@GLIBC_2.29"; callers look symbols up by their C name
    private static String withoutVersion(String name) {
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
