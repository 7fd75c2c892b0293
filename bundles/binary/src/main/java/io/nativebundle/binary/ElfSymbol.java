package io.nativebundle.binary;

/**
 * One entry of a symbol table ({@code .dynsym} or {@code .symtab}).
 *
 * @param name       the symbol name, without a version suffix
 * @param type       what the symbol names (function, object, ...)
 * @param binding    local, global or weak
 * @param visibility default, protected, hidden or internal
 * @param defined    {@code false} if the symbol is undefined here ({@code st_shndx == SHN_UNDEF})
 *                   and must come from a dependency
 * @param value      {@code st_value}: usually the virtual address
 * @param size       {@code st_size} in bytes
 */
public record ElfSymbol(String name, SymbolType type, SymbolBinding binding, SymbolVisibility visibility,
        boolean defined, long value, long size) {
}
