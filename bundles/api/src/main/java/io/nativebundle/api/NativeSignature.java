package io.nativebundle.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The parameter and return types of a native function, written {@code (int,int)int}.
 *
 * <pre>{@code
 * NativeSignature s = NativeSignature.parse("(string)int");
 * s.parameters(); // [STRING]
 * s.returnType(); // INT
 * }</pre>
 */
public record NativeSignature(List<NativeType> parameters, NativeType returnType) {

    public NativeSignature {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(returnType, "returnType");
        if (parameters.contains(NativeType.VOID)) {
            throw new IllegalArgumentException("void is not a parameter type; write () for no parameters");
        }
    }

    /**
     * Parses {@code (type,type,...)type}.
     *
     * @throws IllegalArgumentException naming the column and what was expected
     */
    public static NativeSignature parse(String text) {
        String s = text.trim();
        int open = s.indexOf('(');
        int close = s.indexOf(')');
        if (open != 0 || close < 0) {
            throw new IllegalArgumentException("signature '" + text + "' must look like (int,int)int");
        }
        String params = s.substring(1, close).trim();
        String ret = s.substring(close + 1).trim();
        if (ret.isEmpty()) {
            throw new IllegalArgumentException("signature '" + text + "' has no return type after ')'; use void for none");
        }
        List<NativeType> types = new ArrayList<>();
        if (!params.isEmpty()) {
            for (String p : params.split(",", -1)) {
                if (p.isBlank()) {
                    throw new IllegalArgumentException("signature '" + text + "' has an empty parameter type");
                }
                types.add(NativeType.of(p));
            }
        }
        return new NativeSignature(types, NativeType.of(ret));
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",", "(", ")");
        parameters.forEach(p -> j.add(p.token()));
        return j + returnType.token();
    }
}
