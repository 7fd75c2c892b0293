package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nativebundle.api.NativeType;

/**
 * Parses signature strings such as {@code (pointer,long)int} and type names such as
 * {@code int} in the vocabulary of {@link NativeType}.
 */
final class Signatures {

    private static final Pattern SIGNATURE = Pattern.compile("\\(([^()]*)\\)([^()]+)");

    private Signatures() {
    }

    /**
     * Parses a function signature.
     *
     * @throws IllegalArgumentException with a message naming the offending part
     */
    static SymbolDeclaration function(String name, String signature, String origin) {
        Matcher m = SIGNATURE.matcher(signature.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("signature \"" + signature + "\" of '" + name
                + "' is not of the form (type,type,...)type, e.g. (int,int)int or ()void");
        }
        List<NativeType> parameters = new ArrayList<>();
        if (!m.group(1).isEmpty()) {
            for (String token : m.group(1).split(",", -1)) {
                NativeType type = type(name, token, signature);
                if (type == NativeType.VOID) {
                    throw new IllegalArgumentException("signature \"" + signature + "\" of '" + name
                        + "' has a void parameter; write () for a function without parameters");
                }
                parameters.add(type);
            }
        }
        return SymbolDeclaration.function(name, parameters, type(name, m.group(2), signature), origin);
    }

    /**
     * Parses the type of a variable; {@code void} is not a variable type.
     *
     * @throws IllegalArgumentException with a message naming the offending type
     */
    static SymbolDeclaration variable(String name, String typeName, String origin) {
        NativeType type = type(name, typeName.trim(), typeName);
        if (type == NativeType.VOID) {
            throw new IllegalArgumentException("variable '" + name + "' cannot have type void");
        }
        return SymbolDeclaration.variable(name, type, origin);
    }

    private static NativeType type(String name, String token, String context) {
        for (NativeType type : NativeType.values()) {
            if (type.token().equals(token)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown type '" + token
            + "' in \"" + context + "\" of '" + name + "'; known types: " + vocabulary());
    }

    /** The type names a signature may use, for error messages: {@code void, byte, ...}. */
    static String vocabulary() {
        return String.join(", ", java.util.Arrays.stream(NativeType.values()).map(NativeType::token).toList());
    }
}
