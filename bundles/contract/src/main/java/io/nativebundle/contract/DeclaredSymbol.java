package io.nativebundle.contract;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One symbol of {@code NativeBundle-Symbols}: a function with its {@link Signature}, or a global
 * variable with its type. A function may have a timeout of its own and may be a leaf.
 */
public final class DeclaredSymbol {

    /** What a symbol is. */
    public enum Kind {
        FUNCTION, VARIABLE;

        /** {@code function} or {@code variable}, as {@code kind=} spells it. */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String name;
    private final Kind kind;
    private final Optional<Signature> signature;
    private final Optional<TypeName> type;
    private final Optional<Duration> timeout;
    private final boolean leaf;

    private DeclaredSymbol(String name, Kind kind, Optional<Signature> signature, Optional<TypeName> type,
            Optional<Duration> timeout, boolean leaf) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.signature = signature;
        this.type = type;
        this.timeout = timeout;
        this.leaf = leaf;
    }

    public static DeclaredSymbol function(String name, Signature signature) {
        return new DeclaredSymbol(name, Kind.FUNCTION, Optional.of(signature), Optional.empty(), Optional.empty(),
                false);
    }

    /**
     * @throws IllegalArgumentException when a variable cannot have {@code type}
     */
    public static DeclaredSymbol variable(String name, TypeName type) {
        if (!type.isVariableType()) {
            throw new IllegalArgumentException("variable '" + name + "' cannot be of type " + type.token()
                    + "; expected one of " + TypeName.variableVocabulary());
        }
        return new DeclaredSymbol(name, Kind.VARIABLE, Optional.empty(), Optional.of(type), Optional.empty(), false);
    }

    /**
     * This function with a timeout of its own, for when its library runs out of process
     * ({@code spin;signature="()void";timeout=250ms}).
     *
     * @throws IllegalArgumentException for a variable, or a timeout that is not positive
     */
    public DeclaredSymbol withTimeout(Duration timeout) {
        if (kind != Kind.FUNCTION) {
            throw new IllegalArgumentException("variable '" + name + "' cannot have a timeout; only a function call can"
                    + " run too long");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout of '" + name + "' must be positive, not " + timeout);
        }
        return new DeclaredSymbol(name, kind, signature, type, Optional.of(timeout), leaf);
    }

    /**
     * This function declared a leaf ({@code add;signature="(int,int)int";leaf=true}): its calls are
     * short, never block and never call back into Java, so a backend may call it without the
     * bookkeeping a call that could block or call back needs (FFM: {@code Linker.Option.critical}).
     * The rule: only a function is a leaf, and never one with a callback parameter.
     *
     * @throws IllegalArgumentException for a variable, or a function with a callback parameter, naming it
     */
    public DeclaredSymbol asLeaf() {
        if (kind != Kind.FUNCTION) {
            throw new IllegalArgumentException("variable '" + name + "' cannot be a leaf; only a function is called");
        }
        List<Parameter> parameters = signature.orElseThrow().parameterList();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).callbackType().isPresent()) {
                throw new IllegalArgumentException("function '" + name + "' is declared a leaf and takes the callback "
                        + parameters.get(i).callbackType().get().name() + " (parameter " + (i + 1)
                        + "); a leaf never calls back into Java: remove leaf or the callback");
            }
        }
        return new DeclaredSymbol(name, kind, signature, type, timeout, true);
    }

    /** Whether this function is declared a leaf ({@link #asLeaf()}). */
    public boolean leaf() {
        return leaf;
    }

    /** The function's own timeout, which overrides its library's; empty for none. */
    public Optional<Duration> timeout() {
        return timeout;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The signature of a function; empty for a variable. */
    public Optional<Signature> functionSignature() {
        return signature;
    }

    /** The type of a variable; empty for a function. */
    public Optional<TypeName> variableType() {
        return type;
    }

    /** {@code (int,int)int} for a function, the type ({@code int}) for a variable: what the API's {@code NativeSymbol} carries. */
    public String signature() {
        return signature.map(Signature::toString).orElseGet(() -> type.orElseThrow().token());
    }

    /** The clause of {@code NativeBundle-Symbols}: {@code add;signature="(int,int)int"} or {@code counter;kind=variable;type=int}. */
    public String clause() {
        if (kind == Kind.VARIABLE) {
            return name + ";" + Headers.ATTR_KIND + "=" + Headers.KIND_VARIABLE + ";" + Headers.ATTR_TYPE + "="
                    + signature();
        }
        // always quoted: the commas and parentheses of a signature are not legal in an unquoted value
        return name + ";" + Headers.ATTR_SIGNATURE + "=\"" + signature() + "\""
                + timeout.map(t -> ";" + Headers.ATTR_TIMEOUT + "=" + Amounts.format(t)).orElse("")
                + (leaf ? ";" + Headers.ATTR_LEAF + "=true" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeclaredSymbol d && name.equals(d.name) && kind == d.kind && signature.equals(d.signature)
                && type.equals(d.type) && timeout.equals(d.timeout) && leaf == d.leaf;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, signature, type, timeout, leaf);
    }

    @Override
    public String toString() {
        return kind == Kind.FUNCTION ? name + signature() : name + ":" + signature();
    }
}
