package io.nativebundle.api;

import java.util.Objects;

/**
 * One symbol a native library exports, as declared in {@code NativeBundle-Symbols}.
 *
 * <p>A value: two symbols with the same name, kind and signature are equal. A final class rather
 * than a record, so that it can gain a field (with a new constructor) without breaking the
 * binaries of its users.
 *
 * <pre>{@code
 * NativeSymbol add = new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int");
 * add.toString();   // "add(int,int)int"
 * }</pre>
 */
public final class NativeSymbol {

    /** What a symbol is. */
    public enum Kind {
        /** An exported function. */
        FUNCTION,
        /** An exported data symbol (a global variable). */
        VARIABLE
    }

    private final String name;
    private final Kind kind;
    private final String signature;
    private final boolean leaf;

    /**
     * @param name      the symbol name in the dynamic symbol table, e.g. {@code add}
     * @param kind      a function or a variable
     * @param signature {@code (int,int)int} for a function; the type, e.g. {@code int}, for a variable
     */
    public NativeSymbol(String name, Kind kind, String signature) {
        this(name, kind, signature, false);
    }

    /**
     * @param name      the symbol name in the dynamic symbol table, e.g. {@code add}
     * @param kind      a function or a variable
     * @param signature {@code (int,int)int} for a function; the type, e.g. {@code int}, for a variable
     * @param leaf      whether the function is declared a leaf ({@code leaf=true}, see {@link #leaf()})
     * @throws IllegalArgumentException when a variable is declared a leaf
     * @since 2.3.0
     */
    public NativeSymbol(String name, Kind kind, String signature, boolean leaf) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.signature = Objects.requireNonNull(signature, "signature");
        if (leaf && kind != Kind.FUNCTION) {
            throw new IllegalArgumentException("variable '" + name + "' cannot be a leaf; only a function is called");
        }
        this.leaf = leaf;
    }

    /** The symbol name in the dynamic symbol table, e.g. {@code add}. */
    public String name() {
        return name;
    }

    /** A function or a variable. */
    public Kind kind() {
        return kind;
    }

    /** {@code (int,int)int} for a function; the type, e.g. {@code int}, for a variable. */
    public String signature() {
        return signature;
    }

    /**
     * Whether the function is declared a leaf ({@code leaf=true} in {@code NativeBundle-Symbols}):
     * short, never blocking, never calling back into Java. The FFM backend calls a leaf without a
     * thread state transition ({@code Linker.Option.critical}); other backends call it as any other
     * function. A declaration, not part of the symbol's identity: {@link #equals} ignores it.
     *
     * @since 2.3.0
     */
    public boolean leaf() {
        return leaf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeSymbol s && name.equals(s.name) && kind == s.kind && signature.equals(s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, signature);
    }

    /** {@code add(int,int)int} for a function, {@code counter:int} for a variable. */
    @Override
    public String toString() {
        return kind == Kind.FUNCTION ? name + signature : name + ":" + signature;
    }
}
