package io.nativebundle.bnd;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeType;

/**
 * One symbol the bundle promises its library exports: a function with a signature, or a
 * variable with a type.
 *
 * @param name       the symbol name in the dynamic symbol table, e.g. {@code add}
 * @param kind       function or variable
 * @param parameters the parameter types of a function; empty for a variable
 * @param result     the return type of a function, or the type of a variable
 * @param origin     where the declaration came from, e.g. {@code MathLib.add} or
 *                   {@code -nativebundle-symbols}, so that messages can point at it
 */
record SymbolDeclaration(String name, Kind kind, List<NativeType> parameters, NativeType result, String origin) {

    /** What a symbol is; decides which ELF symbol type it must have. */
    enum Kind {
        FUNCTION, VARIABLE;

        String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SymbolDeclaration {
        parameters = List.copyOf(parameters);
    }

    static SymbolDeclaration function(String name, List<NativeType> parameters, NativeType result, String origin) {
        return new SymbolDeclaration(name, Kind.FUNCTION, parameters, result, origin);
    }

    static SymbolDeclaration variable(String name, NativeType type, String origin) {
        return new SymbolDeclaration(name, Kind.VARIABLE, List.of(), type, origin);
    }

    /** {@code (int,int)int} for a function, the type (e.g. {@code int}) for a variable. */
    String signature() {
        if (kind == Kind.VARIABLE) {
            return result.token();
        }
        return parameters.stream().map(NativeType::token).collect(Collectors.joining(",", "(", ")")) + result.token();
    }

    /** Same symbol, same meaning: origins may differ. */
    boolean sameShape(SymbolDeclaration other) {
        return name.equals(other.name) && kind == other.kind && signature().equals(other.signature());
    }
}
