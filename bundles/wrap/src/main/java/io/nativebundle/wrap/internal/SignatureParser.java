package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.wrap.DescriptorException;

/**
 * Reads a signature such as {@code (int, string)long} into the API's {@link NativeSignature}, and
 * says at which column it goes wrong. {@code NativeSignature.parse} only says that it went wrong,
 * which is fine for a manifest written by the bnd plugin but not for a file a person typed.
 */
final class SignatureParser {

    private final Path file;
    private final String text;
    private final Position start;
    private int pos;

    private SignatureParser(Path file, String text, Position start) {
        this.file = file;
        this.text = text;
        this.start = start;
    }

    /**
     * @param file  the descriptor, for messages
     * @param value the signature text
     * @param at    where {@code value} starts in the descriptor
     */
    static NativeSignature parse(Path file, String value, Position at) throws DescriptorException {
        return new SignatureParser(file, value, at).signature();
    }

    /** The type named {@code token} at {@code at}; {@code role} (parameter, return, variable) names it in the message. */
    static NativeType type(Path file, String token, Position at, String role) throws DescriptorException {
        try {
            return NativeType.of(token);
        } catch (IllegalArgumentException e) {
            throw new DescriptorException(file, at.line(), at.column(), "unknown " + role + " type '" + token
                    + "'; expected one of " + tokens());
        }
    }

    private NativeSignature signature() throws DescriptorException {
        skipBlanks();
        if (!at('(')) {
            throw error("a signature must start with '(', as in (int,int)int; found " + found());
        }
        pos++;
        List<NativeType> parameters = new ArrayList<>();
        skipBlanks();
        if (at(')')) {
            pos++;
        } else {
            while (true) {
                parameters.add(parameter());
                skipBlanks();
                if (at(',')) {
                    pos++;
                } else if (at(')')) {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or ')' after a parameter type but found " + found());
                }
            }
        }
        skipBlanks();
        int returnAt = pos;
        String ret = word();
        if (ret.isEmpty()) {
            throw error("expected a return type after ')' but found " + found() + "; write void for none");
        }
        NativeType returnType = type(file, ret, start.plus(returnAt), "return");
        skipBlanks();
        if (pos < text.length()) {
            throw error("unexpected " + found() + " after the return type");
        }
        return new NativeSignature(parameters, returnType);
    }

    private NativeType parameter() throws DescriptorException {
        skipBlanks();
        int typeAt = pos;
        String token = word();
        if (token.isEmpty()) {
            throw error("expected a parameter type but found " + found());
        }
        NativeType type = type(file, token, start.plus(typeAt), "parameter");
        if (type == NativeType.VOID) {
            throw new DescriptorException(file, start.line(), start.column() + typeAt,
                    "void is not a parameter type; write () for a function without parameters");
        }
        return type;
    }

    private String word() {
        int from = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(from, pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private String found() {
        return pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of the signature";
    }

    private DescriptorException error(String reason) {
        return new DescriptorException(file, start.line(), start.column() + pos, reason);
    }

    static String tokens() {
        List<String> names = new ArrayList<>();
        for (NativeType t : NativeType.values()) {
            names.add(t.token());
        }
        return String.join(", ", names);
    }
}
