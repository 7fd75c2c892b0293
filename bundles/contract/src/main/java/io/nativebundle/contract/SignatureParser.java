package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signature grammar, the one parser of it:
 * <pre>
 * signature  = "(" [ param { "," ( param | "..." ) } ] ")" type [ "errno" ]
 * param      = [ "out" | "inout" ] type [ "[]" ] [ name ]
 * type       = scalar | struct-name | layout | callback-name | callback
 * callback   = callback-name signature            (a parameter only, e.g. comparator(pointer,pointer)int)
 * scalar     = void | byte | short | int | long | float | double | boolean | pointer | string | buffer
 *            | ubyte | ushort | uint | ulong | size_t | ssize_t
 * layout     = struct-name "{" field { "," field } "}" [ "size" "=" number ]
 * field      = name ":" ( scalar | struct-name | layout ) [ "[" number "]" ]
 * </pre>
 * A struct name is one declared to the parser (a descriptor's {@code [structs]}) or, in
 * {@code NativeBundle-Symbols}, a layout written out in full, so a header signature is complete
 * on its own. {@code size_t} is read as {@code ulong} and {@code ssize_t} as {@code long} (LP64).
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
 *
 * <p>Over 300 lines on purpose: one recursive-descent parser over one token cursor; struct
 * layouts, callbacks and parameters nest inside each other, and each error names the column of
 * the same text. Split into classes, each would have to share the cursor and the error position.
 */
public final class SignatureParser {

    static final String VOID_PARAMETER = "void is not a parameter type; write () for a function without parameters";

    private final String text;
    private final String what;
    private final List<Token> tokens;
    private final Map<String, StructLayout> structs;
    private final Map<String, CallbackType> callbacks;
    private int next;

    /** The keyword after the return type that asks for errno capture. */
    static final String ERRNO = "errno";
    private static final String SIZE = "size";
    /** The longest fixed array and the largest struct size a declaration may state. */
    static final int MAX_COUNT = 1 << 20;

    private SignatureParser(String what, String text) {
        this(what, text, Map.of());
    }

    private SignatureParser(String what, String text, Map<String, StructLayout> structs) {
        this(what, text, structs, Map.of());
    }

    private SignatureParser(String what, String text, Map<String, StructLayout> structs,
                            Map<String, CallbackType> callbacks) {
        this.what = what;
        this.text = text;
        this.tokens = SignatureLexer.tokens(text);
        this.structs = structs;
        this.callbacks = callbacks;
    }

    /**
     * Parses a function signature.
     *
     * @throws SignatureException at the first token that does not fit
     */
    public static Signature parse(String text) {
        return parse(text, Map.of());
    }

    /**
     * Parses a function signature that may name the structs of {@code structs} by name (a
     * descriptor's {@code [structs]}).
     *
     * @throws SignatureException at the first token that does not fit
     */
    public static Signature parse(String text, Map<String, StructLayout> structs) {
        return new SignatureParser("signature", text == null ? "" : text, structs).signature();
    }

    /**
     * Parses a function signature that may name the structs of {@code structs} and the callback
     * types of {@code callbacks} by name (a descriptor's {@code [structs]} and {@code [callbacks]}).
     *
     * @throws SignatureException at the first token that does not fit
     */
    public static Signature parse(String text, Map<String, StructLayout> structs,
                                  Map<String, CallbackType> callbacks) {
        return new SignatureParser("signature", text == null ? "" : text, structs, callbacks).signature();
    }

    /**
     * Parses the signature of a callback type named {@code name} (a descriptor's
     * {@code [callbacks]}: {@code comparator = (pointer, pointer)int}).
     *
     * @throws SignatureException at the first token that does not fit, or for a signature a
     *                            callback cannot have ({@link CallbackType})
     */
    public static CallbackType callback(String name, String text) {
        SignatureParser p = new SignatureParser("callback", text == null ? "" : text);
        if (!CIdentifier.isValid(name) || TypeName.of(name).isPresent()) {
            throw p.error(0, "callback name '" + name + "' is not a C identifier or is a type of the grammar");
        }
        Signature signature = p.signature();
        Optional<String> why = CallbackType.whyNot(signature);
        if (why.isPresent()) {
            throw p.error(0, "callback " + name + " " + why.get());
        }
        return new CallbackType(name, signature);
    }

    /**
     * Parses the layout of a struct named {@code name}: {@code { quot: int, rem: int }}, with an
     * optional {@code size=8} after it; fields may be structs of {@code structs}.
     *
     * @throws SignatureException at the first token that does not fit, or for a declared size
     *                            that is not the computed one
     */
    public static StructLayout struct(String name, String text, Map<String, StructLayout> structs) {
        SignatureParser p = new SignatureParser("struct", text == null ? "" : text, structs);
        StructLayout layout = p.layoutBody(0, name);
        p.expectEnd("after the struct");
        return layout;
    }

    /**
     * Parses a lone type, e.g. the {@code int} of {@code counter;kind=variable;type=int}.
     *
     * @param role how a message names it: {@code variable}, {@code return}, {@code parameter}
     * @throws SignatureException when it is not exactly one known type
     */
    public static TypeName type(String text, String role) {
        SignatureParser p = new SignatureParser("type", text == null ? "" : text);
        TypeName type = p.scalarName(role);
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
        List<Parameter> parameters = new ArrayList<>();
        int fixed = -1;
        if (peek().kind() == Token.Kind.RIGHT_PAREN) {
            next++;
        } else {
            fixed = parameters(parameters);
        }
        if (peek().kind() != Token.Kind.WORD) {
            throw error(next, "expected a return type after ')' but found " + peek().describe()
                    + "; write void for none");
        }
        int at = next;
        Typed result = type("return");
        boolean errno = false;
        if (peek().kind() == Token.Kind.WORD && peek().text().equals(ERRNO)) {
            next++;
            errno = true;
        }
        expectEnd(errno ? "after errno" : "after the return type");
        if (result.type() == TypeName.STRUCT && result.layout() == null) {
            throw error(at, "internal: struct without layout");
        }
        return new Signature(parameters, result.type(), result.layout(), errno, fixed);
    }

    /**
     * {@code param { "," param } ")"}, after the "(", where one element may be {@code ...}.
     *
     * @return the number of fixed parameters before {@code ...}, or -1 without it
     */
    private int parameters(List<Parameter> parameters) {
        int fixed = -1;
        while (true) {
            if (peek().kind() == Token.Kind.ELLIPSIS) {
                if (fixed >= 0 || parameters.isEmpty()) {
                    throw error(next, parameters.isEmpty() ? "a variadic function has at least one fixed parameter"
                            + " before '...', as in (string fmt, ..., int)int" : "'...' may appear only once");
                }
                fixed = parameters.size();
                next++;
            } else {
                int at = next;
                Parameter p = parameter();
                if (fixed >= 0 && !isPromoted(p)) {
                    throw error(at, unpromoted(p));
                }
                parameters.add(p);
            }
            Token separator = peek();
            if (separator.kind() == Token.Kind.COMMA) {
                next++;
            } else if (separator.kind() == Token.Kind.RIGHT_PAREN) {
                next++;
                return fixed;
            } else {
                throw error(next, "expected ',' or ')' after a parameter type but found " + separator.describe());
            }
        }
    }

    /** What a variadic argument may be declared as: C's default argument promotions leave no narrower type. */
    static final String PROMOTED = "int, uint, long, ulong, double, pointer, string, buffer, a callback";

    /**
     * Why {@code p} cannot follow {@code ...} in a variadic declaration: the rule of every reader of
     * the grammar (descriptors, the bnd plugin's jnr-ffi {@code @Variadic}).
     */
    public static String unpromoted(Parameter p) {
        return "a variadic argument is passed promoted: after '...' write one of " + PROMOTED + " by value, not " + p;
    }

    /** Whether {@code p} may follow {@code ...}: a type C's default argument promotions leave as it is. */
    public static boolean isPromoted(Parameter p) {
        return p.direction() == Parameter.Direction.IN && !p.array() && switch (p.type()) {
            // a function pointer is passed like any pointer (curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, cb))
            case INT, UINT, LONG, ULONG, DOUBLE, POINTER, STRING, BUFFER, CALLBACK -> true;
            default -> false;
        };
    }

    /** {@code [ "out" | "inout" ] type [ name ]}. */
    private Parameter parameter() {
        if (peek().kind() != Token.Kind.WORD) {
            throw error(next, "expected a parameter type but found " + peek().describe());
        }
        Parameter.Direction direction = Parameter.Direction.IN;
        String word = peek().text();
        if ((word.equals("out") || word.equals("inout")) && tokens.get(next + 1).kind() == Token.Kind.WORD) {
            direction = word.equals("out") ? Parameter.Direction.OUT : Parameter.Direction.INOUT;
            next++;
        }
        int at = next;
        Typed typed = type("parameter");
        if (typed.type() == TypeName.VOID) {
            throw error(at, VOID_PARAMETER);
        }
        if (typed.callback() != null && direction != Parameter.Direction.IN) {
            throw error(at, "a callback is passed by value (a pointer to its stub), not " + direction.keyword());
        }
        if (direction != Parameter.Direction.IN
                && (typed.type() == TypeName.STRING || typed.type() == TypeName.BUFFER)) {
            throw error(at, "a " + typed.type().token() + " cannot be " + direction.keyword()
                    + "; expected a scalar or a struct after " + direction.keyword());
        }
        boolean array = false;
        if (peek().kind() == Token.Kind.LEFT_BRACKET) {
            int bracket = next++;
            if (peek().kind() != Token.Kind.RIGHT_BRACKET) {
                throw error(next, "expected ']' after '[': an array parameter has no length (the caller's array gives"
                        + " it), write int[]; found " + peek().describe());
            }
            next++;
            if (!Parameter.isArrayElement(typed.type())) {
                throw error(bracket, "an array parameter is one of " + Parameter.ARRAY_ELEMENTS + ", not "
                        + (typed.layout() != null ? typed.layout().name()
                        : typed.callback() != null ? typed.callback().name() : typed.type().token()) + "[]");
            }
            array = true;
        }
        String name = null;
        if (peek().kind() == Token.Kind.WORD && isName(peek().text())) {
            int nameAt = next++;
            name = peek(nameAt).text();
            if (!CIdentifier.isValid(name)) {
                throw error(nameAt, "parameter name '" + name + "' is not a C identifier");
            }
        }
        return new Parameter(direction, typed.type(), typed.layout(), typed.callback(), name, array);
    }

    /** Whether a word after a parameter's type is its name: not a type, a struct or a keyword. */
    private boolean isName(String word) {
        return TypeName.of(word).isEmpty() && !structs.containsKey(word) && !callbacks.containsKey(word)
                && !word.equals("out")
                && !word.equals("inout") && !word.equals(ERRNO) && tokens.get(next + 1).kind() != Token.Kind.LEFT_BRACE
                && tokens.get(next + 1).kind() != Token.Kind.LEFT_PAREN;
    }

    /** A type and, for a struct, its layout, for a callback its signature. */
    private record Typed(TypeName type, StructLayout layout, CallbackType callback) {
        Typed(TypeName type, StructLayout layout) {
            this(type, layout, null);
        }
    }

    /** A scalar, a struct declared in {@code structs}, or a layout written out ({@code div_t{quot:int,rem:int}}). */
    private Typed type(String role) {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD) {
            throw error(next, "expected a " + role + " type but found " + token.describe());
        }
        int at = next++;
        if (peek().kind() == Token.Kind.LEFT_BRACE) {
            return new Typed(TypeName.STRUCT, layoutBody(at, token.text()));
        }
        Optional<TypeName> scalar = TypeName.of(token.text());
        if (scalar.isPresent()) {
            return new Typed(scalar.get(), null);
        }
        StructLayout declared = structs.get(token.text());
        if (declared != null) {
            return new Typed(TypeName.STRUCT, declared);
        }
        boolean written = peek().kind() == Token.Kind.LEFT_PAREN;
        if (written || callbacks.containsKey(token.text())) {
            if (!role.equals("parameter")) {
                throw error(at, "a callback ('" + token.text() + "') is only a parameter type, not a " + role + " type");
            }
            return new Typed(TypeName.CALLBACK, null, written ? callbackBody(at, token.text()) : callbacks.get(token.text()));
        }
        throw error(at, "unknown " + role + " type '" + token.text() + "'; expected one of " + TypeName.vocabulary()
                + (structs.isEmpty() ? "" : " or a declared struct (" + String.join(", ", structs.keySet()) + ")")
                + (callbacks.isEmpty() || !role.equals("parameter") ? ""
                : " or a declared callback (" + String.join(", ", callbacks.keySet()) + ")"));
    }

    /** A callback written out, {@code comparator(pointer,pointer)int}, at the '(' after its name. */
    private CallbackType callbackBody(int nameAt, String name) {
        if (!CIdentifier.isValid(name) || TypeName.of(name).isPresent()) {
            throw error(nameAt, "callback name '" + name + "' is not a C identifier or is a type of the grammar");
        }
        int start = next;
        next++;
        List<Parameter> parameters = new ArrayList<>();
        int fixed = -1;
        if (peek().kind() == Token.Kind.RIGHT_PAREN) {
            next++;
        } else {
            fixed = parameters(parameters);
        }
        Typed result = type("return");
        Signature signature = new Signature(parameters, result.type(), result.layout(), false, fixed);
        Optional<String> why = CallbackType.whyNot(signature);
        if (why.isPresent()) {
            throw error(start, "callback " + name + " " + why.get());
        }
        return new CallbackType(name, signature);
    }

    /** {@code "{" field { "," field } "}" [ "size" "=" number ]}, at the brace. */
    private StructLayout layoutBody(int nameAt, String name) {
        if (!CIdentifier.isValid(name)) {
            throw error(nameAt, "struct name '" + name + "' is not a C identifier");
        }
        if (TypeName.of(name).isPresent() || name.equals("out") || name.equals("inout") || name.equals(ERRNO)
                || name.equals(SIZE) || name.equals(TypeName.STRUCT.token())) {
            throw error(nameAt, "struct name '" + name + "' is a reserved word of the signature grammar");
        }
        if (peek().kind() != Token.Kind.LEFT_BRACE) {
            throw error(next, "expected '{' to start the fields of struct " + name + " but found " + peek().describe());
        }
        next++;
        List<StructLayout.FieldDeclaration> fields = new ArrayList<>();
        while (true) {
            fields.add(field(name));
            Token separator = peek();
            next++;
            if (separator.kind() == Token.Kind.RIGHT_BRACE) {
                break;
            }
            if (separator.kind() != Token.Kind.COMMA) {
                throw error(next - 1, "expected ',' or '}' after a field of struct " + name + " but found "
                        + separator.describe());
            }
        }
        Optional<Integer> size = Optional.empty();
        if (peek().kind() == Token.Kind.WORD && peek().text().equals(SIZE)) {
            next++;
            if (peek().kind() != Token.Kind.EQUALS) {
                throw error(next, "expected '=' after size but found " + peek().describe());
            }
            next++;
            size = Optional.of(number("the size of struct " + name));
        }
        try {
            return StructLayout.of(name, fields, size);
        } catch (IllegalArgumentException e) {
            throw error(nameAt, e.getMessage());
        }
    }

    /** {@code name ":" type [ "[" number "]" ]}. */
    private StructLayout.FieldDeclaration field(String struct) {
        Token name = peek();
        if (name.kind() != Token.Kind.WORD || !CIdentifier.isValid(name.text())) {
            throw error(next, "expected a field name of struct " + struct + " but found " + name.describe());
        }
        next++;
        if (peek().kind() != Token.Kind.COLON) {
            throw error(next, "expected ':' after field '" + name.text() + "' but found " + peek().describe()
                    + ", as in { quot: int, rem: int }");
        }
        next++;
        int at = next;
        Typed typed = type("field");
        if (typed.layout() == null && !typed.type().isFieldType()) {
            throw error(at, "field '" + name.text() + "' of struct " + struct + " cannot be of type "
                    + typed.type().token() + "; a field has a fixed size (write pointer for a char *)");
        }
        int count = 0;
        if (peek().kind() == Token.Kind.LEFT_BRACKET) {
            next++;
            count = number("the length of array '" + name.text() + "'");
            if (peek().kind() != Token.Kind.RIGHT_BRACKET) {
                throw error(next, "expected ']' after the length of array '" + name.text() + "' but found "
                        + peek().describe());
            }
            next++;
        }
        return new StructLayout.FieldDeclaration(name.text(), typed.type(), typed.layout(), count);
    }

    private int number(String what) {
        Token token = peek();
        int at = next++;
        try {
            int n = token.kind() == Token.Kind.WORD ? Integer.parseInt(token.text()) : -1;
            if (n > 0 && n <= MAX_COUNT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw error(at, "expected " + what + " as a number from 1 to " + MAX_COUNT + " but found " + token.describe());
    }

    private void expectEnd(String where) {
        if (peek().kind() != Token.Kind.END) {
            throw error(next, "unexpected " + peek().describe() + " " + where);
        }
    }

    private TypeName scalarName(String role) {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD) {
            throw error(next, "expected a " + role + " type but found " + token.describe());
        }
        int at = next++;
        return TypeName.of(token.text()).orElseThrow(() -> error(at, "unknown " + role + " type '" + token.text()
                + "'; expected one of " + TypeName.vocabulary()));
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int index) {
        return tokens.get(index);
    }

    private SignatureException error(int tokenIndex, String reason) {
        Token at = tokens.get(tokenIndex);
        return new SignatureException(what, text, reason, at.line(), at.column());
    }
}
