package io.nativebundle.loader.internal.remote;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.call.TypedViewShape;

/**
 * A {@link NativeFunction} imported from another framework, as its consumers get it. The calls go
 * to the exporting framework through {@code remote} (the provider's proxy behind a
 * {@link RemoteCallHandler}, so a failed transport is a {@code NativeRemoteCallException} and
 * what the function threw there, {@code NativeLibraryUnloadedException} included, reaches the
 * caller as itself); what only makes sense in this process is answered here:
 * <ul>
 * <li>{@link #name()} is the symbol the import names, {@link #signature()} is asked of the other
 *     side once and kept (a {@link NativeSignature} crosses as its written-out text);</li>
 * <li>an {@code out} or {@code inout} array crosses as a copy, so the values C wrote come back in
 *     the call's {@link NativeCallResult#outValues()}, and are copied into the caller's array as
 *     a local call does;</li>
 * <li>the typed views ({@link #asIntBinaryOperator()}, ...) call through {@link #invoke}: every
 *     call is a remote call, boxing is the least of its cost;</li>
 * <li>{@link #library()} is refused: the library is loaded in the exporting framework, and its
 *     path, checks and generation describe that process, not this one.</li>
 * </ul>
 */
final class ImportedFunction implements NativeFunction {

    private final NativeFunction remote;
    private final String symbol;
    private final String library;
    private final String endpoint;
    private volatile NativeSignature signature;

    ImportedFunction(NativeFunction remote, String symbol, String library, String endpoint) {
        this.remote = remote;
        this.symbol = symbol;
        this.library = library;
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return symbol;
    }

    @Override
    public NativeSignature signature() {
        NativeSignature s = signature;
        if (s == null) {
            // a value that does not change while the endpoint stands: one remote call, raced harmlessly
            s = remote.signature();
            signature = s;
        }
        return s;
    }

    /**
     * @throws UnsupportedOperationException always: the library is loaded in the exporting framework
     */
    @Override
    public NativeLibrary library() {
        throw new UnsupportedOperationException("function " + symbol + " of library '" + library + "' is imported from "
                + endpoint + ": its library is loaded in the exporting framework, not here; native:info " + library
                + " there describes it");
    }

    @Override
    public Object invoke(Object... args) {
        if (!returnsArrays()) {
            return remote.invoke(args);
        }
        return call(args).value();
    }

    @Override
    public NativeCallResult call(Object... args) {
        NativeCallResult result = remote.call(args);
        copyArraysBack(args, result.outValues());
        return result;
    }

    /** Whether a parameter is an array C writes into, whose values only a {@link #call} brings back. */
    private boolean returnsArrays() {
        return signature().parameterList().stream().anyMatch(p -> p.isArray() && p.returnsValue());
    }

    /**
     * Copies what C wrote into each {@code out}/{@code inout} array, which crossed back as a copy,
     * into the array the caller passed: the local semantics of an array parameter.
     */
    private void copyArraysBack(Object[] args, Map<String, Object> outValues) {
        int argument = 0;
        for (NativeParameter p : signature().parameterList()) {
            if (!p.takesValue()) {
                continue;
            }
            Object passed = args != null && argument < args.length ? args[argument] : null;
            argument++;
            if (!p.isArray() || !p.returnsValue() || passed == null) {
                continue;
            }
            Object written = outValues.get(p.label());
            if (written != null && written.getClass() == passed.getClass()
                    && Array.getLength(written) == Array.getLength(passed)) {
                System.arraycopy(written, 0, passed, 0, Array.getLength(passed));
            }
        }
    }

    @Override
    public IntBinaryOperator asIntBinaryOperator() {
        require("(int,int)int", "asIntBinaryOperator()");
        return (a, b) -> (Integer) invoke(a, b);
    }

    @Override
    public IntUnaryOperator asIntUnaryOperator() {
        require("(int)int", "asIntUnaryOperator()");
        return a -> (Integer) invoke(a);
    }

    @Override
    public IntSupplier asIntSupplier() {
        require("()int", "asIntSupplier()");
        return () -> (Integer) invoke();
    }

    @Override
    public LongBinaryOperator asLongBinaryOperator() {
        require("(long,long)long", "asLongBinaryOperator()");
        return (a, b) -> (Long) invoke(a, b);
    }

    @Override
    public Runnable asRunnable() {
        require("()void", "asRunnable()");
        return () -> invoke();
    }

    @Override
    public ToIntFunction<String> asStringToIntFunction() {
        require("(string)int", "asStringToIntFunction()");
        return text -> (Integer) invoke(text);
    }

    @Override
    public Function<String, String> asStringFunction() {
        require("(string)string", "asStringFunction()");
        return text -> (String) invoke(text);
    }

    /** The local services' rule ({@link TypedViewShape}): a typed view only for its own shape. */
    private void require(String shape, String accessor) {
        TypedViewShape.require(this, accessor, NativeSignature.parse(shape));
    }

    @Override
    public String toString() {
        return "function " + symbol + " of library '" + library + "' imported from " + endpoint;
    }
}
