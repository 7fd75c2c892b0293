package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature grammar, the one parser of it:
 * <pre>
 * signature  = "(" [ type { "," type } ] ")" type
 * type       = void | byte | short | int | long | float | double | boolean | pointer | string | buffer
 * </pre>
 * Blanks and line breaks may stand between tokens; type names are read in any case.
 * {@code void} is only a return type: {@code ()} means no parameters. Every error names what was
 * expected, what was found, and the line and column of the token ({@link SignatureException}).
 *
 * <pre>{@code
 * Signature s = SignatureParser.parse("(pointer, long) int");
 * s.toString();   // "(pointer,long)int"
 * SignatureParser.parse("(int,integer)int");
 * // SignatureException: signature '(int,integer)int', column 6: unknown parameter type 'integer'; ...
 * }</pre>
 *
 * <p>A recursive-descent parser over {@link SignatureLexer}'s tokens, so that the grammar can grow
 * (structs, out-parameters, names, arrays) one rule at a time.
 */
public final class SignatureParser {

    static final String VOID_PARAMETER = "void is not a parameter type; write () for a function without parameters";

    private final String text;
    private final String what;
    private final List<Token> tokens;
    private int next;

    private SignatureParser(String what, String text) {
        this.what = what;
        this.text = text;
        this.tokens = SignatureLexer.tokens(text);
    }

    /**
     * Parses a function signature.
     *
     * @throws SignatureException at the first token that does not fit
     */
    public static Signature parse(String text) {
        return new SignatureParser("signature", text == null ? "" : text).signature();
    }

    /**
     * Parses a lone type, e.g. the {@code int} of {@code counter;kind=variable;type=int}.
     *
     * @param role how a message names it: {@code variable}, {@code return}, {@code parameter}
     * @throws SignatureException when it is not exactly one known type
     */
    public static TypeName type(String text, String role) {
        SignatureParser p = new SignatureParser("type", text == null ? "" : text);
        TypeName type = p.typeName(role);
        p.expectEnd("after the type");
        return type;
    }

    /**
     * Parses the type of a global variable: one of {@link TypeName#variableVocabulary()}.
     *
     * @throws SignatureException when it is no type, or one a variable cannot have
     */
    public static TypeName variableType(String text) {
        TypeName type = type(text, "variable");
        if (!type.isVariableType()) {
            throw new SignatureParser("type", text).error(0, "a variable cannot be of type " + type.token()
                    + "; expected one of " + TypeName.variableVocabulary());
        }
        return type;
    }

    private Signature signature() {
        if (peek().kind() != Token.Kind.LEFT_PAREN) {
            throw error(next, "a signature must start with '(', as in (int,int)int; found " + peek().describe());
        }
        next++;
        List<TypeName> parameters = new ArrayList<>();
        if (peek().kind() == Token.Kind.RIGHT_PAREN) {
            next++;
        } else {
            parameters(parameters);
        }
        if (peek().kind() != Token.Kind.WORD) {
            throw error(next, "expected a return type after ')' but found " + peek().describe()
                    + "; write void for none");
        }
        TypeName returnType = typeName("return");
        expectEnd("after the return type");
        return new Signature(parameters, returnType);
    }

    /** {@code type { "," type } ")"}, after the "(". */
    private void parameters(List<TypeName> parameters) {
        while (true) {
            if (peek().kind() != Token.Kind.WORD) {
                throw error(next, "expected a parameter type but found " + peek().describe());
            }
            int at = next;
            TypeName type = typeName("parameter");
            if (type == TypeName.VOID) {
                throw error(at, VOID_PARAMETER);
            }
            parameters.add(type);
            Token separator = peek();
            if (separator.kind() == Token.Kind.COMMA) {
                next++;
            } else if (separator.kind() == Token.Kind.RIGHT_PAREN) {
                next++;
                return;
            } else {
                throw error(next, "expected ',' or ')' after a parameter type but found " + separator.describe());
            }
        }
    }

    private TypeName typeName(String role) {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD) {
            throw error(next, "expected a " + role + " type but found " + token.describe());
        }
        int at = next++;
        return TypeName.of(token.text()).orElseThrow(() -> error(at, "unknown " + role + " type '" + token.text()
                + "'; expected one of " + TypeName.vocabulary()));
    }

    private void expectEnd(String where) {
        if (peek().kind() != Token.Kind.END) {
            throw error(next, "unexpected " + peek().describe() + " " + where);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private SignatureException error(int tokenIndex, String reason) {
        Token at = tokens.get(tokenIndex);
        return new SignatureException(what, text, reason, at.line(), at.column());
    }
}
